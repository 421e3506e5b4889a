import Foundation
import Testing

/// `runscope replay` of agent logs in a real terminal (tmux): one written by the
/// Python handler from real LangChain 1.x `create_agent` runs, and hand-made ones
/// with a hidden `__start__` run and an interrupt (`Fixtures/make_agent_logs.py`).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end tests skipped"))
struct AgentReplayE2ETests {
    static func fixture(_ name: String) -> String { RunscopeCLIE2ETests.path("Tests/InspectorE2ETests/Fixtures/\(name)") }

    func replay(_ name: String, _ flags: [String] = ["--instant"]) throws -> TmuxSession {
        try #require(FileManager.default.isExecutableFile(atPath: RunscopeCLIE2ETests.binary.path), "run `swift build` first")
        return try TmuxSession(binary: RunscopeCLIE2ETests.binary, arguments: ["replay", Self.fixture(name)] + flags, width: 120, height: 40)
    }

    @Test func aPythonAgentShowsStepsToolCallsAndTheHandledError() async throws {
        let session = try replay("python-agent.jsonl")
        defer { session.close() }
        // The chain's end is noted a frame after the replay's: wait for the header's state.
        let tree = try #require(await session.waitFor { $0.contains("✓ finished") && $0.contains("model · step 3") },
                                "the replay did not show the agent's steps")
        #expect(tree.contains("✓ chain  tools · step 2"), "the tools node of the handled error stays ok")
        #expect(tree.contains("✓ tool   get_weather(city: \"Paris\")"))
        #expect(tree.contains("⚠ tool   get_stock_price(symbol: \"ACME\")"))
        #expect(tree.contains("replay ended") && !tree.contains("✗"))
        session.send("g")
        session.send("6")
        let chat = try #require(await session.waitFor { $0.contains("Tool get_stock_price · ⚠ error") }, "no Messages tab")
        #expect(chat.contains("→ get_weather(city: \"Paris\")"))
        #expect(chat.contains("Tool get_weather · ✓ ok"))
        #expect(chat.contains("It is sunny in Paris; the stock service is down."))
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func aPythonInterruptIsPausedNotFailed() async throws {
        let session = try replay("python-agent-interrupt.jsonl")
        defer { session.close() }
        let screen = try #require(await session.waitFor { $0.contains("⏸ interrupted") && $0.contains("ask_human") },
                                  "the header does not say the graph is paused")
        #expect(screen.contains("replay ended"))
        #expect(screen.contains("⏸ tool   ask_human(question: \"Which city?…"))
        #expect(screen.contains("⏸ chain  tools · step 2"))
        #expect(!screen.contains("✗"), "nothing is shown as failed")
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func hiddenRunsAppearWithTheKeyAndGoAgain() async throws {
        let session = try replay("agent-run.jsonl")
        defer { session.close() }
        let hidden = try #require(await session.waitFor { $0.contains("✓ finished") && $0.contains("model · step 3") })
        #expect(!hidden.contains("__start__"))
        #expect(hidden.contains("  4.3s  24 tok"), "an instant replay shows the recorded wall time")
        session.send("a")
        _ = try #require(await session.waitFor { $0.contains("__start__ · step 0") }, "a did not show the hidden run")
        session.send("a")
        _ = try #require(await session.waitFor { !$0.contains("__start__") && $0.contains("Hiding runs tagged") })
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func theMessagesTabGrowsWhileTheAgentStreams() async throws {
        let session = try replay("agent-run.jsonl", ["--speed", "1"])
        defer { session.close() }
        _ = try #require(await session.waitFor("Runs ("))
        session.send("6")
        let early = try #require(await session.waitFor(timeout: 20) { $0.contains("AI · streaming…") && $0.contains("Paris (21") },
                                 "the step-3 answer did not start streaming in the Messages tab")
        #expect(early.contains("Tool get_stock_price · ⚠ error"), "the handled error is in the conversation")
        let later = try #require(await session.waitFor(timeout: 20) { $0.contains("ACME price.") }, "the turn did not grow")
        #expect(!early.contains("ACME price."))
        #expect(later.contains("model · step 3"))
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func tailFollowsAPythonReactAgentAsItsLogGrows() async throws {
        let lines = try String(contentsOfFile: Self.fixture("python-react-agent.jsonl"), encoding: .utf8).split(separator: "\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-agent-tail-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("agent.jsonl").path
        FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try TmuxSession(binary: RunscopeCLIE2ETests.binary, arguments: ["tail", log], width: 120, height: 40)
        defer { session.close() }
        _ = try #require(await session.waitFor("following"))
        let handle = try #require(FileHandle(forWritingAtPath: log))
        let half = lines.firstIndex { $0.contains("\"on_tool_start\"") } ?? lines.count / 2
        handle.write(Data((lines[..<half].joined(separator: "\n") + "\n").utf8))
        let early = try #require(await session.waitFor { $0.contains("agent · step 1") && $0.contains("tools · step 2") },
                                 "the first steps did not appear")
        #expect(!early.contains("get_weather("), "the tool call is not written yet")
        handle.write(Data((lines[half...].joined(separator: "\n") + "\n").utf8))
        try handle.close()
        let done = try #require(await session.waitFor { $0.contains("agent · step 3") && $0.contains("✓ chain  LangGraph") })
        #expect(done.contains("✓ tool   get_weather(city: \"Paris\")"))
        session.send("g")
        session.send("6")
        _ = try #require(await session.waitFor { $0.contains("Tool get_weather · ✓ ok") && $0.contains("It is sunny in Paris.") })
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }
}
