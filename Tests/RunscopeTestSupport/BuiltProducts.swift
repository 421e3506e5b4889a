import Foundation

/// Where the package's built executables are, as swift-argument-parser's test helpers
/// find them: beside the test bundle (on Linux the test runner itself, `Bundle.main`; on
/// macOS the `.xctest` bundle's folder), so a release build, another triple or a
/// `--scratch-path` is found as well as `.build/debug`. An environment variable can
/// name the binary instead.
public enum BuiltProducts {
    /// The folder the test bundle was built into.
    public static var directory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        #endif
        return Bundle.main.bundleURL
    }

    /// The executable `name`: the path in `override` (an environment variable's name) when
    /// it is set, else the product beside the tests.
    public static func executable(_ name: String, override variable: String? = nil) -> URL {
        if let variable, let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return directory.appendingPathComponent(name)
    }
}
