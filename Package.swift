// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "runscope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "runscope", targets: ["runscope"]),
        .library(name: "RunscopeCore", targets: ["RunscopeCore"]),
        .library(name: "RunscopeProviders", targets: ["RunscopeProviders"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "RunscopeLoader", targets: ["RunscopeLoader"]),
        .library(name: "RunscopeReplay", targets: ["RunscopeReplay"]),
        .executable(name: "runscope-bench", targets: ["runscope-bench"]),
        .executable(name: "example-custom-handler", targets: ["example-custom-handler"]),
        .executable(name: "example-runtime-callbacks", targets: ["example-runtime-callbacks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // Values, runnables, callbacks, tracer, prompts, parsers, scripted models. Foundation only.
        .target(name: "RunscopeCore"),
        // HTTP chat models and their byte-level stream parsers (SSE, NDJSON).
        .target(name: "RunscopeProviders", dependencies: ["RunscopeCore"]),
        // chain.json (LangChain's serialized form and the compact form) to runnables.
        .target(name: "RunscopeLoader", dependencies: ["RunscopeCore", "RunscopeProviders"]),
        // Reading event logs back: replay with timing, follow a growing log, summaries.
        .target(name: "RunscopeReplay", dependencies: ["RunscopeCore", "RunscopeLoader"]),
        // Cells, buffers and widgets: what the screen shows, with no terminal I/O.
        .target(name: "TerminalUI"),
        // The command-line program: the headless runner, validate, schema (and the UI).
        .executableTarget(
            name: "runscope",
            dependencies: [
                "RunscopeCore", "RunscopeLoader", "RunscopeReplay",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "runscope-bench", dependencies: ["RunscopeCore", "RunscopeProviders"]),
        .executableTarget(name: "example-custom-handler", dependencies: ["RunscopeCore"], path: "Examples/custom-handler"),
        .executableTarget(name: "example-runtime-callbacks", dependencies: ["RunscopeCore"], path: "Examples/runtime-callbacks"),
        .testTarget(name: "RunscopeLoaderTests", dependencies: ["RunscopeLoader"], exclude: ["Fixtures"]),
        .testTarget(name: "RunscopeReplayTests", dependencies: ["RunscopeReplay", "RunscopeTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "RunscopeProvidersTests", dependencies: ["RunscopeProviders"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], exclude: ["Snapshots"]),
        // Shared by test targets: comparing events with LangChain's reference recordings.
        .target(name: "RunscopeTestSupport", dependencies: ["RunscopeCore"], path: "Tests/RunscopeTestSupport"),
        .testTarget(name: "RunscopeCoreTests", dependencies: ["RunscopeCore", "RunscopeTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "RunscopeCLITests", dependencies: ["RunscopeCore", "RunscopeTestSupport"], exclude: ["Fixtures"]),
    ]
)
