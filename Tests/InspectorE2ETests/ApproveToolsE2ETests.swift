import Foundation
import RunscopeTestSupport
import Testing

/// `runscope run --approve-tools` in a real terminal (tmux): each tool call of the example
/// agent waits; `e` hands the terminal to `$EDITOR` (a sed script, so no one types in it)
/// and takes it back, Enter runs a call, `s` skips one, and the agent's answers show it.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end tests skipped"))
struct ApproveToolsE2ETests {
    @Test func editRunAndSkipEachToolCallOfTheAgent() async throws {
        let agent = RunscopeCLIE2ETests.path("examples/agent.json")
        let session = try TmuxSession(
            binary: RunscopeCLIE2ETests.binary, arguments: [agent, "--approve-tools", "--no-history"],
            environment: ["EDITOR": "sed -i s/Paris/Lyon/", "VISUAL": ""])
        defer { session.close() }
        // Two calls at once: the weather's is asked first, the other waits behind it.
        let first = try #require(await session.waitFor { $0.contains("Run tool call? get_weather") }, "\(session.capture())")
        #expect(first.contains("{\"city\":\"Paris\"}") && first.contains("(1 more waiting)"))
        session.send("e")
        let edited = try #require(await session.waitFor { $0.contains("Run tool call? get_air_quality") }, "\(session.capture())")
        #expect(edited.contains("Ran get_weather with the edited arguments") || edited.contains("get_air_quality"))
        #expect(session.format("#{alternate_on}") == "1", "the inspector took the terminal back")
        session.send("Enter")
        let calculator = try #require(await session.waitFor { $0.contains("Run tool call? calculator") }, "\(session.capture())")
        #expect(calculator.contains("12 * 7"))
        session.send("s")
        let done = try #require(await session.waitFor(timeout: 90) { $0.contains("✓ finished") }, "\(session.capture())")
        #expect(!done.contains("Run tool call?"))
        // The edited call ran with the edited arguments; the skipped one ran no tool.
        #expect(done.contains("get_weather(city: \"Lyon\")"), "\(done)")
        // The skipped call's node stays selected: its Output is the message the model got.
        session.send("3")
        let output = try #require(await session.waitFor { $0.contains("User rejected the tool call") }, "\(session.capture())")
        #expect(output.contains("calculator"))
        session.send("q")
        #expect(await session.exitStatus() == 0)
        let modes = try #require(session.terminalModes())
        #expect(modes.before == modes.after)
    }
}
