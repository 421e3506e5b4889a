import Foundation
import RunscopeCore
import RunscopeLoader

/// Paths of the loader's fixtures and of the repository's examples.
enum LoaderFixtures {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = tests.deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { tests.appendingPathComponent("Fixtures/\(relative)").path }
    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }

    static func files(_ folder: String, suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(folder)).filter { $0.hasSuffix(suffix) }.sorted()
    }

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Fake keys, so chains that name secrets load without real ones.
    static let environment = ["OPENAI_API_KEY": "sk-test-not-a-key", "ANTHROPIC_API_KEY": "sk-ant-test-not-a-key"]
}
