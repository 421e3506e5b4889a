// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "runscope",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RunscopeCore", targets: ["RunscopeCore"]),
        .library(name: "RunscopeProviders", targets: ["RunscopeProviders"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "RunscopeInspector", targets: ["RunscopeInspector"]),
        .library(name: "RunscopeTUI", targets: ["RunscopeTUI"]),
        .executable(name: "inspector-demo", targets: ["inspector-demo"]),
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
        // Inspector state, pure reducer, key map, follow mode, search, event hand-off. No terminal, no I/O.
        .target(name: "RunscopeInspector", dependencies: ["RunscopeCore"]),
        // ncursesw, wide-character API, through a shim header. Only NcursesBackend imports it.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The only code that talks to ncurses: init/restore, colours, drawing a buffer diff, keys, resize.
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),
        // The inspector's view (state -> Buffer), the app loop and the benchmark.
        .target(name: "RunscopeTUI", dependencies: ["RunscopeInspector", "NcursesBackend", "TerminalUI", "RunscopeCore"]),
        .executableTarget(name: "inspector-demo", dependencies: ["RunscopeTUI", "RunscopeCore"]),
        .executableTarget(name: "runscope-bench", dependencies: ["RunscopeCore"]),
        .executableTarget(name: "example-custom-handler", dependencies: ["RunscopeCore"], path: "Examples/custom-handler"),
        .executableTarget(name: "example-runtime-callbacks", dependencies: ["RunscopeCore"], path: "Examples/runtime-callbacks"),
        .testTarget(name: "RunscopeProvidersTests", dependencies: ["RunscopeProviders"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], exclude: ["Snapshots"]),
        .testTarget(name: "RunscopeInspectorTests", dependencies: ["RunscopeInspector", "RunscopeCore"]),
        .testTarget(
            name: "RunscopeTUITests", dependencies: ["RunscopeTUI", "RunscopeInspector", "TerminalUI", "RunscopeCore", "NcursesBackend"],
            exclude: ["Snapshots"]),
        // Drives the real inspector-demo binary in tmux; skipped when tmux is missing.
        .testTarget(name: "InspectorE2ETests", dependencies: ["inspector-demo", "TerminalUI"]),
        .testTarget(name: "RunscopeCoreTests", dependencies: ["RunscopeCore"], exclude: ["Fixtures"]),
    ]
)
