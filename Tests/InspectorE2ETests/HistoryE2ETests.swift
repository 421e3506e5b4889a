import Foundation
import Testing

/// `runscope show` on a real terminal (tmux): a run from the history opens on the
/// replay screen, and the terminal is restored when it quits.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end tests skipped"))
struct HistoryE2ETests {
    /// Runs `example` headless into the history at `home`.
    static func runHeadless(_ example: String, home: String) throws {
        let process = Process()
        process.executableURL = RunscopeCLIE2ETests.binary
        process.arguments = [RunscopeCLIE2ETests.path(example), "--no-tui"]
        process.environment = ProcessInfo.processInfo.environment.merging(["RUNSCOPE_HOME": home]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    @Test func showOpensARunFromTheHistoryInTheInspector() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: RunscopeCLIE2ETests.binary.path), "run `swift build` first")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-e2e-home-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        try Self.runHeadless("examples/tools.json", home: home)
        let session = try TmuxSession(binary: RunscopeCLIE2ETests.binary, arguments: ["show", "last"], environment: ["RUNSCOPE_HOME": home])
        defer { session.close() }
        let screen = try #require(await session.waitFor { $0.contains("calculator") && $0.contains("replay ended") }, "the run did not show")
        #expect(screen.contains("show RunnableSequence"))
        #expect(session.format("#{alternate_on}") == "1")
        session.send("q")
        #expect(await session.exitStatus() == 0)
        #expect(session.format("#{alternate_on}") == "0")
        let modes = try #require(session.terminalModes())
        #expect(modes.before == modes.after)
    }
}
