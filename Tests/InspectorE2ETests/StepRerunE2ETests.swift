import Foundation
import RunscopeTestSupport
import Testing

/// `E` and `d` in a real terminal (tmux): the joke chain's prompt step runs again with its
/// input edited in `$EDITOR` (a sed script, so no one types in it) as a second trace beside
/// the first, and `d` shows the two side by side in the diff split view, then comes back.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end tests skipped"))
struct StepRerunE2ETests {
    @Test func editTheSelectedStepsInputRunItAgainAndCompare() async throws {
        let joke = RunscopeCLIE2ETests.path("examples/joke.json")
        let session = try TmuxSession(
            binary: RunscopeCLIE2ETests.binary, arguments: [joke, "--no-history"],
            environment: ["EDITOR": "sed -i s/bears/cats/", "VISUAL": ""])
        defer { session.close() }
        try #require(await session.waitFor(timeout: 60) { $0.contains("✓ finished") } != nil, "\(session.capture())")
        // The prompt: the second row.
        session.send("g")
        session.send("j")
        try #require(await session.waitFor { $0.contains("╭ ChatPromptTemplate") } != nil, "\(session.capture())")
        session.send("E")
        let rerun = try #require(await session.waitFor { $0.contains("· rerun") && $0.contains("✓ finished") }, "\(session.capture())")
        #expect(session.format("#{alternate_on}") == "1", "the inspector took the terminal back")
        #expect(rerun.contains("RunnableSequence"), "the original trace is gone: \(rerun)")
        // The rerun's root is selected; its Input is the edited one, its Output the new prompt.
        session.send("2")
        try #require(await session.waitFor { $0.contains("\"cats\"") } != nil, "\(session.capture())")
        session.send("3")
        try #require(await session.waitFor { $0.contains("Tell me a joke about cats") } != nil, "\(session.capture())")
        session.send("d")
        let diff = try #require(await session.waitFor { $0.contains(" diff ") && $0.contains("rows differ") }, "\(session.capture())")
        #expect(diff.contains("A ") && diff.contains("ChatPromptTemplate"), "\(diff)")
        session.send("q")
        let back = try #require(await session.waitFor { $0.contains("Compared ChatPromptTemplate with its rerun") }, "\(session.capture())")
        #expect(back.contains("· rerun"))
        session.send("q")
        #expect(await session.exitStatus() == 0)
        let modes = try #require(session.terminalModes())
        #expect(modes.before == modes.after)
    }
}
