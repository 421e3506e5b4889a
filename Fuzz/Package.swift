// swift-tools-version:6.0
// libFuzzer targets for runscope's parsers of outside input. Kept apart from the main
// package so its manifest carries no fuzz-only settings; scripts/fuzz.sh builds this with
// `-sanitize=fuzzer,address` in its own scratch path (.build-fuzz). See docs/hardening.md.
import Foundation
import PackageDescription

// A package dependency by path is named after its directory, whatever the checkout is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let runscope = root.lastPathComponent

let package = Package(
    name: "runscope-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: root.path)],
    targets: [
        // Declares libFuzzer's driver for the executable's entry point.
        .target(name: "CFuzzDriver"),
        // One binary with every target; RUNSCOPE_FUZZ_TARGET picks the one a run fuzzes.
        .executableTarget(
            name: "runscope-fuzz",
            dependencies: [
                "CFuzzDriver",
                .product(name: "RunscopeCore", package: runscope),
                .product(name: "RunscopeProviders", package: runscope),
                .product(name: "RunscopeLoader", package: runscope),
                .product(name: "RunscopeReplay", package: runscope),
                .product(name: "RunscopeOTLP", package: runscope),
            ]),
    ]
)
