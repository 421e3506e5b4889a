// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "runscope",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RunscopeCore", targets: ["RunscopeCore"]),
        .library(name: "RunscopeProviders", targets: ["RunscopeProviders"]),
        .library(name: "RunscopeTestServer", targets: ["RunscopeTestServer"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .executable(name: "runscope-bench", targets: ["runscope-bench"]),
        .executable(name: "runscope-test-server", targets: ["runscope-test-server"]),
        .executable(name: "example-custom-handler", targets: ["example-custom-handler"]),
        .executable(name: "example-runtime-callbacks", targets: ["example-runtime-callbacks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Values, runnables, callbacks, tracer, prompts, parsers, scripted models. Foundation only.
        .target(name: "RunscopeCore"),
        // HTTP chat models (OpenAI-compatible, Anthropic, Ollama) and their byte-level stream parsers.
        .target(
            name: "RunscopeProviders",
            dependencies: [
                "RunscopeCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        // A scripted HTTP/1.1 server on loopback speaking each provider's wire format, for tests.
        .target(
            name: "RunscopeTestServer",
            dependencies: [
                "RunscopeCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        // Cells, buffers and widgets: what the screen shows, with no terminal I/O.
        .target(name: "TerminalUI"),
        .executableTarget(name: "runscope-bench", dependencies: ["RunscopeCore"]),
        .executableTarget(name: "runscope-test-server", dependencies: ["RunscopeTestServer"]),
        .executableTarget(name: "example-custom-handler", dependencies: ["RunscopeCore"], path: "Examples/custom-handler"),
        .executableTarget(name: "example-runtime-callbacks", dependencies: ["RunscopeCore"], path: "Examples/runtime-callbacks"),
        .testTarget(name: "RunscopeProvidersTests", dependencies: ["RunscopeProviders", "RunscopeTestServer"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], exclude: ["Snapshots"]),
        .testTarget(name: "RunscopeCoreTests", dependencies: ["RunscopeCore"], exclude: ["Fixtures"]),
    ]
)
