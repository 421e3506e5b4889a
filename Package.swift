// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "runscope",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RunscopeCore", targets: ["RunscopeCore"]),
        .library(name: "RunscopeProviders", targets: ["RunscopeProviders"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .executable(name: "runscope-bench", targets: ["runscope-bench"]),
        .executable(name: "example-custom-handler", targets: ["example-custom-handler"]),
        .executable(name: "example-runtime-callbacks", targets: ["example-runtime-callbacks"]),
    ],
    targets: [
        // Values, runnables, callbacks, tracer, prompts, parsers, scripted models. Foundation only.
        .target(name: "RunscopeCore"),
        // HTTP chat models and their byte-level stream parsers (SSE, NDJSON).
        .target(name: "RunscopeProviders", dependencies: ["RunscopeCore"]),
        // Cells, buffers and widgets: what the screen shows, with no terminal I/O.
        .target(name: "TerminalUI"),
        .executableTarget(name: "runscope-bench", dependencies: ["RunscopeCore", "RunscopeProviders"]),
        .executableTarget(name: "example-custom-handler", dependencies: ["RunscopeCore"], path: "Examples/custom-handler"),
        .executableTarget(name: "example-runtime-callbacks", dependencies: ["RunscopeCore"], path: "Examples/runtime-callbacks"),
        .testTarget(name: "RunscopeProvidersTests", dependencies: ["RunscopeProviders"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], exclude: ["Snapshots"]),
        .testTarget(name: "RunscopeCoreTests", dependencies: ["RunscopeCore"], exclude: ["Fixtures"]),
    ]
)
