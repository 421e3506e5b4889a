// swift-tools-version:6.0
import PackageDescription

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
]

let package = Package(
    name: "runscope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "runscope", targets: ["runscope"]),
        .library(name: "RunscopeCore", targets: ["RunscopeCore"]),
        .library(name: "RunscopeProviders", targets: ["RunscopeProviders"]),
        .library(name: "RunscopeLoader", targets: ["RunscopeLoader"]),
        .library(name: "RunscopeReplay", targets: ["RunscopeReplay"]),
        .library(name: "RunscopeHistory", targets: ["RunscopeHistory"]),
        .library(name: "RunscopeOTLP", targets: ["RunscopeOTLP"]),
        .library(name: "RunscopePricing", targets: ["RunscopePricing"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "RunscopeInspector", targets: ["RunscopeInspector"]),
        .library(name: "RunscopeTUI", targets: ["RunscopeTUI"]),
        .library(name: "RunscopeHistoryUI", targets: ["RunscopeHistoryUI"]),
        .library(name: "RunscopeTestServer", targets: ["RunscopeTestServer"]),
        .executable(name: "runscope-bench", targets: ["runscope-bench"]),
        .executable(name: "history-bench", targets: ["history-bench"]),
        .executable(name: "inspector-demo", targets: ["inspector-demo"]),
        .executable(name: "runscope-test-server", targets: ["runscope-test-server"]),
        .executable(name: "example-custom-handler", targets: ["example-custom-handler"]),
        .executable(name: "example-runtime-callbacks", targets: ["example-runtime-callbacks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    ],
    targets: [
        // Values, runnables, callbacks, tracer, prompts, parsers, scripted models. Foundation only.
        .target(name: "RunscopeCore"),
        // HTTP chat models (OpenAI-compatible, Anthropic, Ollama) and their byte-level stream parsers.
        .target(
            name: "RunscopeProviders",
            dependencies: [
                "RunscopeCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        // chain.json (LangChain's serialized form and the compact form) to runnables.
        .target(name: "RunscopeLoader", dependencies: ["RunscopeCore", "RunscopeProviders"]),
        // Reading event logs back: replay with timing, follow a growing log, summaries.
        // Model prices (USD per million tokens, each with its source and date) and what a run's usage costs.
        .target(name: "RunscopePricing", dependencies: ["RunscopeCore"]),
        .target(name: "RunscopeReplay", dependencies: ["RunscopeCore", "RunscopePricing"]),
        // Run history: every run in a local SQLite database (GRDB, WAL, FTS5), references, export, diff.
        .target(
            name: "RunscopeHistory",
            dependencies: ["RunscopeCore", "RunscopePricing", .product(name: "GRDB", package: "GRDB.swift")]),
        // zlib (the system's), through a shim header. Only RunscopeOTLP's gzip imports it.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // OpenTelemetry export: runs become OTLP spans (OpenInference and GenAI attributes),
        // batched, gzipped and POSTed over HTTP from a thread of their own.
        .target(
            name: "RunscopeOTLP",
            dependencies: [
                "RunscopeCore", "CZlib", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ] + nio,
            exclude: ["Proto"]),
        // Cells, buffers and widgets: what the screen shows, with no terminal I/O.
        .target(name: "TerminalUI"),
        // Inspector state, pure reducer, key map, follow mode, search, event hand-off. No terminal, no I/O.
        .target(name: "RunscopeInspector", dependencies: ["RunscopeCore", "RunscopePricing"]),
        // ncursesw, wide-character API, through a shim header. Only NcursesBackend imports it.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The only code that talks to ncurses: init/restore, colours, drawing a buffer diff, keys, resize.
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),
        // The inspector's view (state -> Buffer), the app loop and the benchmark.
        .target(name: "RunscopeTUI", dependencies: ["RunscopeInspector", "NcursesBackend", "TerminalUI", "RunscopeCore", "RunscopePricing"]),
        // The history screen and the diff split view (state, reducers, views, their loops). RunscopeTUI stays free of GRDB.
        .target(
            name: "RunscopeHistoryUI",
            dependencies: ["RunscopeCore", "RunscopeHistory", "RunscopeTUI", "RunscopeInspector", "NcursesBackend", "TerminalUI"]),
        // A scripted HTTP/1.1 server on loopback speaking each provider's wire format, for tests.
        .target(name: "RunscopeTestServer", dependencies: ["RunscopeCore"] + nio),
        // What runscope-bench measures, apart from the libraries it measures (as swift-nio keeps its benchmarks).
        .target(
            name: "RunscopeBenchmarks",
            dependencies: ["RunscopeCore", "RunscopeProviders", "RunscopeTestServer", "RunscopeInspector", "RunscopeTUI", "TerminalUI"]),
        // The command-line program: run (the UI or headless), replay, tail, validate, schema.
        .executableTarget(
            name: "runscope",
            dependencies: [
                "RunscopeCore", "RunscopeLoader", "RunscopeReplay", "RunscopeInspector", "RunscopeTUI", "RunscopeHistory",
                "RunscopeHistoryUI", "RunscopeOTLP", "RunscopePricing", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "runscope-bench",
            dependencies: [
                "RunscopeBenchmarks", "RunscopeCore", "RunscopeProviders", "RunscopeTUI", "RunscopeOTLP",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ] + nio),
        // Prints history speed figures as JSON: insert throughput, listing, search, opening a trace.
        .executableTarget(name: "history-bench", dependencies: ["RunscopeHistory", "RunscopeCore"]),
        // A Swift-built demo chain in the inspector (screenshots; also drives the UI tests).
        .executableTarget(name: "inspector-demo", dependencies: ["RunscopeTUI", "RunscopeBenchmarks", "RunscopeCore"]),
        .executableTarget(name: "runscope-test-server", dependencies: ["RunscopeTestServer", "RunscopeCore"]),
        .executableTarget(name: "example-custom-handler", dependencies: ["RunscopeCore"], path: "examples/swift/custom-handler"),
        .executableTarget(name: "example-runtime-callbacks", dependencies: ["RunscopeCore"], path: "examples/swift/runtime-callbacks"),
        // Shared by test targets: comparing events with LangChain's reference recordings.
        .target(name: "RunscopeTestSupport", dependencies: ["RunscopeCore", "TerminalUI"], path: "Tests/RunscopeTestSupport"),
        .testTarget(name: "RunscopeCoreTests", dependencies: ["RunscopeCore", "RunscopeTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "RunscopeProvidersTests", dependencies: ["RunscopeProviders", "RunscopeCore", "RunscopeTestServer", "RunscopeTestSupport"]),
        .testTarget(name: "RunscopeLoaderTests", dependencies: ["RunscopeLoader", "RunscopeProviders", "RunscopeCore", "RunscopeTestServer"], exclude: ["Fixtures"]),
        .testTarget(name: "RunscopeReplayTests", dependencies: ["RunscopeReplay", "RunscopeCore", "RunscopeLoader", "RunscopeTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "RunscopeHistoryTests",
            dependencies: ["RunscopeHistory", "RunscopeCore", "RunscopePricing", "RunscopeTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "RunscopeOTLPTests",
            dependencies: [
                "RunscopeOTLP", "RunscopeCore", "RunscopeTestSupport", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ] + nio,
            exclude: ["Fixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "RunscopeTestSupport"], exclude: ["Snapshots"]),
        .testTarget(
            name: "RunscopeHistoryUITests",
            dependencies: ["RunscopeHistoryUI", "RunscopeHistory", "RunscopeInspector", "TerminalUI", "RunscopeCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "RunscopeInspectorTests", dependencies: ["RunscopeInspector", "RunscopeCore", "RunscopePricing"]),
        .testTarget(name: "RunscopeBenchmarksTests", dependencies: ["RunscopeBenchmarks"]),
        .testTarget(name: "RunscopePricingTests", dependencies: ["RunscopePricing", "RunscopeCore"]),
        .testTarget(
            name: "RunscopeTUITests",
            dependencies: ["RunscopeTUI", "RunscopeInspector", "TerminalUI", "RunscopeCore", "NcursesBackend", "RunscopeTestSupport", "RunscopeBenchmarks"],
            exclude: ["Snapshots"]),
        // Drive the real binaries in tmux (runscope and inspector-demo); skipped when tmux is missing.
        .testTarget(name: "InspectorE2ETests", dependencies: ["inspector-demo", "runscope", "TerminalUI", "RunscopeTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "RunscopeCLITests", dependencies: ["RunscopeCore", "RunscopeTestSupport", "RunscopeTestServer", "RunscopeHistory"],
            exclude: ["Fixtures"]),
    ]
)
