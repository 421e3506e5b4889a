import Foundation
import RunscopeTestSupport

/// The binary the end-to-end tests drive, and its arguments: `inspector-demo`
/// from the build folder by default. Set RUNSCOPE_E2E_BINARY (and
/// RUNSCOPE_E2E_ARGS, space-separated, put before each test's own flags) to drive
/// another program, e.g. the `runscope` CLI with a chain file.
struct ProgramUnderTest {
    var binary: URL
    var arguments: [String]

    /// The program from the environment, else `inspector-demo` beside the tests.
    static func locate() -> ProgramUnderTest? {
        let environment = ProcessInfo.processInfo.environment
        let extra = environment["RUNSCOPE_E2E_ARGS"].map { $0.split(separator: " ").map(String.init) } ?? []
        if let path = environment["RUNSCOPE_E2E_BINARY"] {
            return ProgramUnderTest(binary: URL(fileURLWithPath: path), arguments: extra)
        }
        let found = [BuiltProducts.executable("inspector-demo")].first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return found.map { ProgramUnderTest(binary: $0, arguments: extra) }
    }

    /// Starts the program with `flags` in a tmux window.
    func launch(_ flags: [String], width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try TmuxSession(binary: binary, arguments: arguments + flags, width: width, height: height)
    }
}
