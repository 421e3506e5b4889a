import Foundation
import Testing

/// `runscope -- python app.py` in a real terminal (tmux): a Python program with no
/// runscope in it, its runs growing live in the inspector, and its printed lines in the
/// Output view. Needs a Python with LangChain and runscope-langchain: RUNSCOPE_PYTHON
/// (.ci/run sets it to its venv's interpreter).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable && ExecPython.path != nil,
                             "tmux or RUNSCOPE_PYTHON (a Python with runscope-langchain) missing: skipped"))
struct ExecE2ETests {

    static func count(_ text: String, in screen: String?) -> Int {
        (screen ?? "").components(separatedBy: text).count - 1
    }

    @Test func theRunsOfAPythonProgramGrowLiveAndItsOutputIsShown() async throws {
        let python = try #require(ExecPython.path)
        let binary = RunscopeCLIE2ETests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "run `swift build` first")
        let app = RunscopeCLIE2ETests.path("Tests/python/apps/zero_code_app.py")
        let session = try TmuxSession(
            binary: binary, arguments: ["--", python, app], environment: ["ZERO_CODE_APP_PAUSE": "8"])
        defer { session.close() }
        let early = try #require(await session.waitFor(timeout: 60) { $0.contains("RunnableSequence") }, "no run appeared")
        let grown = try #require(
            await session.waitFor(timeout: 60) { Self.count("RunnableSequence", in: $0) > Self.count("RunnableSequence", in: early) },
            "the tree did not grow; the screen:\n\(session.capture())")
        #expect(!grown.contains("LangGraph"), "the agent ran before the tree was seen growing")
        _ = try #require(await session.waitFor(timeout: 60) { $0.contains("LangGraph") }, "the agent's run did not appear")
        session.send("o")
        let output = try #require(
            await session.waitFor(timeout: 60) { $0.contains("Output · exited with status 0") }, "no Output view")
        #expect(output.contains("streamed: Why don't bears wear shoes? Because they have bear feet!"))
        #expect(output.contains("thread: Owls are a hoot."))
        #expect(output.contains("agent: It is sunny in Paris."))
        session.send("o")
        _ = try #require(await session.waitFor { !$0.contains("Output ·") && $0.contains("LangGraph") }, "o did not go back")
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func rRunsTheProgramAgainAndQuittingWhileItRunsAsksFirst() async throws {
        let python = try #require(ExecPython.path)
        let app = RunscopeCLIE2ETests.path("Tests/python/apps/zero_code_app.py")
        let session = try TmuxSession(
            binary: RunscopeCLIE2ETests.binary, arguments: ["--", python, app], environment: ["ZERO_CODE_APP_PAUSE": "2"])
        defer { session.close() }
        session.send("o")
        _ = try #require(
            await session.waitFor(timeout: 90) { $0.contains("Output · exited with status 0") },
            "the first run did not end; the screen:\n\(session.capture())")
        session.send("o")
        _ = try #require(await session.waitFor { $0.contains("LangGraph") && !$0.contains("Output ·") }, "o did not go back")
        session.send("r")
        // The tree starts again: the first chain of a new process, its agent not yet run (2 s pauses).
        _ = try #require(
            await session.waitFor(timeout: 60) { $0.contains("RunnableSequence") && !$0.contains("LangGraph") },
            "r did not start the program again; the screen:\n\(session.capture())")
        session.send("q")
        _ = try #require(
            await session.waitFor(timeout: 10) { $0.contains("Quit and cancel it? (y/n)") }, "q while running did not ask")
        session.send("n")
        _ = try #require(await session.waitFor(timeout: 10) { !$0.contains("(y/n)") }, "n did not keep the inspector")
        _ = try #require(
            await session.waitFor(timeout: 90) { $0.contains("LangGraph") },
            "the rerun did not reach its agent; the screen:\n\(session.capture())")
        session.send("o")
        let output = try #require(await session.waitFor(timeout: 60) { $0.contains("Output · exited with status 0") })
        #expect(Self.count("streamed: Why don't bears wear shoes?", in: output) == 1, "the Output view is the rerun's own")
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func ctrlCStopsTheProgramAndRunscopeExitsWithItsStatus() async throws {
        let python = try #require(ExecPython.path)
        let app = RunscopeCLIE2ETests.path("Tests/python/apps/zero_code_app.py")
        let session = try TmuxSession(
            binary: RunscopeCLIE2ETests.binary, arguments: ["--", python, app], environment: ["ZERO_CODE_APP_PAUSE": "30"])
        defer { session.close() }
        _ = try #require(await session.waitFor(timeout: 60) { $0.contains("RunnableSequence") }, "no run appeared")
        session.send("C-c")
        session.send("o")
        let output = try #require(
            await session.waitFor(timeout: 20) { $0.contains("Output · stopped by signal 2") }, "the program did not stop")
        #expect(output.contains("KeyboardInterrupt"))
        session.send("q")
        #expect(await session.exitStatus() == 130)
        let modes = try #require(session.terminalModes())
        #expect(modes.before == modes.after)
    }
}

/// The Python the exec tests run: RUNSCOPE_PYTHON, if it is executable.
enum ExecPython {
    static var path: String? {
        ProcessInfo.processInfo.environment["RUNSCOPE_PYTHON"].flatMap {
            FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil
        }
    }
}
