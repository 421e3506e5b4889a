import Foundation
import RunscopeCore
import RunscopeInspector
import RunscopeTestSupport
@testable import RunscopeTUI
import Testing
import TerminalUI

/// The inspector's loop (`AppLoop`) on the in-memory terminal: starting and restoring
/// the terminal, signals, resizes, the end of input, quitting, rerunning, and effects
/// that reach the terminal (the OSC 52 copy). The loop runs on its own thread as in the
/// program; every wait ends on a frame or on the loop's end, bounded by a deadline.
/// What only a real terminal shows (modes restored, escape sequences, ncurses' keys)
/// stays with the tmux tests (InspectorE2ETests).
@Suite(.timeLimit(.minutes(2)))
struct AppLoopTests {
    /// A chain of one step that waits until the test opens its gate (or it is cancelled).
    final class Gate: Sendable {
        private let stream: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation
        /// How many times the chain was started.
        let starts = Locked(0)
        /// Each start's task, to see how it ended.
        let tasks = Locked<[Task<Value, any Error>]>([])

        /// What the chain's last step answers.
        let answer: String

        init(open: Bool = false, answer: String = "forty-two") {
            self.answer = answer
            (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .unbounded)
            if open { self.open() }
        }

        /// Lets the step (and every later start of it) end.
        func open() {
            continuation.yield()
            continuation.finish()
        }

        /// The chain `RunnableSequence(wait, answer)` with its handlers, started as the inspector starts it.
        func start(_ handlers: [any CallbackHandler]) -> Task<Value, any Error> {
            starts.withLock { $0 += 1 }
            let stream = stream
            let text = answer
            let wait = RunnableLambda(name: "wait") { (input: Value) async throws -> Value in
                for await _ in stream { break }
                try Task.checkCancellation()
                return input
            }
            let answer = RunnableLambda(name: "answer") { (_: Value) async throws -> Value in .string(text) }
            let chain = wait | answer
            let task = Task { try await chain.invoke(["question": "everything"], config: RunConfig(callbacks: handlers)) }
            tasks.withLock { $0.append(task) }
            return task
        }
    }

    /// The loop on its own thread, and what it returned.
    final class LoopThread: Sendable {
        private let ended = DispatchSemaphore(value: 0)
        private let result = Locked<(userQuit: Bool, signal: Int32?)?>(nil)

        convenience init(_ backend: TestBackend, gate: Gate, owns: Bool = true, exitOnFinish: Bool = false) {
            self.init(backend, owns: owns, exitOnFinish: exitOnFinish) { gate.start($0) }
        }

        init(
            _ backend: TestBackend, owns: Bool = true, exitOnFinish: Bool = false, approver: InspectorApprover? = nil,
            steps: InspectorStepKeeper? = nil, compare: InspectorApp.Compare? = nil,
            editor: @escaping @Sendable (String, String) -> ExternalEditor.Outcome = { _, _ in .failed("no editor in this test") },
            start: @escaping @Sendable ([any CallbackHandler]) -> Task<Value, any Error>
        ) {
            let runner = ChainRunner(start: start)
            let thread = Thread { [result, ended] in
                let loop = try? AppLoop(
                    title: "gate.json", exitOnFinish: exitOnFinish, runner: runner, terminal: backend, owns: owns,
                    approver: approver, steps: steps, compare: compare, editor: editor)
                let outcome = loop?.run()
                runner.cancel()
                result.withLock { $0 = outcome }
                ended.signal()
            }
            thread.start()
        }

        /// What `run()` returned, once it did (nil when it had not within `timeout` seconds);
        /// waits on a thread of its own, not on the cooperative pool the chain runs on.
        func outcome(timeout: Double = 30) async -> (userQuit: Bool, signal: Int32?)? {
            let finished = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                Thread { [ended] in
                    let done = ended.wait(timeout: .now() + timeout) == .success
                    if done { ended.signal() }
                    continuation.resume(returning: done)
                }.start()
            }
            return finished ? result.withLock { $0 } : nil
        }
    }

    @Test func anOwnedTerminalIsStartedOnceAndRestoredWhenTheUserQuits() async throws {
        let backend = TestBackend()
        let loop = LoopThread(backend, gate: Gate(open: true))
        try #require(await backend.waitForFrame { $0.contains("✓ finished") } != nil, "the chain did not finish: \(backend.text)")
        #expect(backend.startsAndRestores.restores == 0, "restored while running")
        backend.type("q")
        let outcome = try #require(await loop.outcome(), "q did not end the loop")
        #expect(outcome.userQuit && outcome.signal == nil)
        #expect(backend.startsAndRestores.starts == 1)
        #expect(backend.startsAndRestores.restores >= 1)
    }

    @Test func aTerminalAnotherScreenOwnsIsNeitherStartedNorRestored() async throws {
        let backend = TestBackend()
        let loop = LoopThread(backend, gate: Gate(open: true), owns: false)
        try #require(await backend.waitForFrame { $0.contains("✓ finished") } != nil, "the chain did not finish: \(backend.text)")
        backend.type("q")
        _ = try #require(await loop.outcome())
        #expect(backend.startsAndRestores == (0, 0))
    }

    @Test func aSignalCancelsTheChainAndEndsTheLoop() async throws {
        let backend = TestBackend()
        let gate = Gate()
        let loop = LoopThread(backend, gate: gate)
        try #require(await backend.waitForFrame { $0.contains("wait") && $0.contains("running") } != nil, "no running step: \(backend.text)")
        backend.raise(SIGTERM)
        let outcome = try #require(await loop.outcome(), "the signal did not end the loop")
        #expect(outcome.signal == SIGTERM && !outcome.userQuit)
        #expect(backend.startsAndRestores.restores >= 1)
        let task = try #require(gate.tasks.withLock { $0.first })
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }

    @Test func aResizeRedrawsAtTheNewSizeAndATinyOneSaysSo() async throws {
        let backend = TestBackend(width: 120, height: 40)
        let loop = LoopThread(backend, gate: Gate(open: true))
        try #require(await backend.waitForFrame { $0.contains("✓ finished") } != nil)
        var before = backend.frameCount  // counted before the input: its frame may come at once
        backend.resize(width: 80, height: 24)
        let small = await backend.waitForFrame(after: before) { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count == 24 && lines.contains { $0.hasPrefix("└") && $0.count == 80 }
        }
        #expect(small != nil, "no relayout at 80x24: \(backend.text)")
        before = backend.frameCount
        backend.resize(width: 30, height: 8)
        #expect(await backend.waitForFrame(after: before) { $0.contains("Terminal too small") } != nil, "no notice at 30x8")
        before = backend.frameCount
        backend.resize(width: 120, height: 40)
        #expect(await backend.waitForFrame(after: before) { $0.contains("✓ finished") && $0.split(separator: "\n", omittingEmptySubsequences: false).count == 40 } != nil)
        backend.type("q")
        #expect(await loop.outcome() != nil)
    }

    @Test func theEndOfInputEndsTheLoopAsAQuit() async throws {
        let backend = TestBackend()
        let loop = LoopThread(backend, gate: Gate())
        try #require(await backend.waitForFrame { $0.contains("running") } != nil)
        backend.closeInput()
        let outcome = try #require(await loop.outcome(), "the end of input did not end the loop")
        #expect(outcome.userQuit)
    }

    @Test func exitOnFinishEndsTheLoopWhenTheChainEnds() async throws {
        let backend = TestBackend()
        let gate = Gate()
        let loop = LoopThread(backend, gate: gate, exitOnFinish: true)
        try #require(await backend.waitForFrame { $0.contains("running") } != nil)
        #expect(await loop.outcome(timeout: 0) == nil, "ended before the chain did")
        gate.open()
        let outcome = try #require(await loop.outcome(), "the loop did not end with the chain")
        #expect(!outcome.userQuit && outcome.signal == nil)
        #expect(backend.frames.last?.joined(separator: "\n").contains("✓ finished") == true, "the last frame does not show the end")
    }

    @Test func quitWhileRunningAsksAndYesCancelsTheChain() async throws {
        let backend = TestBackend()
        let gate = Gate()
        let loop = LoopThread(backend, gate: gate)
        try #require(await backend.waitForFrame { $0.contains("running") } != nil)
        backend.type("q")
        try #require(await backend.waitForFrame { $0.contains("Quit and cancel it?") } != nil, "q did not ask while running")
        let before = backend.frameCount
        backend.type("n")
        try #require(await backend.waitForFrame(after: before) { !$0.contains("Quit and cancel it?") } != nil)
        #expect(await loop.outcome(timeout: 0) == nil, "n quit")
        backend.type("qy")
        let outcome = try #require(await loop.outcome())
        #expect(outcome.userQuit)
        let result = try #require(await gate.tasks.withLock { $0.first }?.result)
        #expect(throws: CancellationError.self) { try result.get() }
    }

    @Test func rerunCancelsTheRunningChainAndStartsItAgain() async throws {
        let backend = TestBackend()
        let gate = Gate()
        let loop = LoopThread(backend, gate: gate)
        try #require(await backend.waitForFrame { $0.contains("running") } != nil)
        backend.type("r")
        let first = try #require(gate.tasks.withLock { $0.first })
        let result = await first.result
        #expect(throws: CancellationError.self, "r did not cancel the first run") { try result.get() }
        gate.open()
        // Only the second run can finish: the first was cancelled.
        try #require(await backend.waitForFrame { $0.contains("✓ finished") && $0.contains("answer") } != nil, "the rerun did not finish")
        #expect(gate.starts.withLock { $0 } == 2)
        backend.type("q")
        #expect(await loop.outcome() != nil)
    }

    @Test func yCopiesTheSelectedRunsTabThroughTheTerminal() async throws {
        let backend = TestBackend()
        let loop = LoopThread(backend, gate: Gate(open: true))
        try #require(await backend.waitForFrame { $0.contains("✓ finished") } != nil)
        backend.type("3")  // the Output tab of the selected run (the chain's root)
        backend.type("y")
        try #require(await backend.waitForFrame { $0.contains("Copied") } != nil, "no notice of the copy: \(backend.text)")
        let sequence = try #require(backend.controls.first, "nothing was sent to the terminal")
        #expect(sequence.hasPrefix("\u{1B}]52;c;") && sequence.hasSuffix("\u{07}"))
        let payload = sequence.dropFirst("\u{1B}]52;c;".count).dropLast()
        let text = try #require(Data(base64Encoded: String(payload)).flatMap { String(data: $0, encoding: .utf8) })
        #expect(text.contains("forty-two"), "the copy is not the root's output: \(text)")
        backend.type("q")
        #expect(await loop.outcome() != nil)
    }

    @Test func aMouseClickThroughTheTerminalSelectsTheRowUnderIt() async throws {
        let backend = TestBackend()
        let loop = LoopThread(backend, gate: Gate(open: true))
        let screen = try #require(await backend.waitForFrame { $0.contains("✓ finished") })
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let y = try #require(lines.firstIndex { $0.contains("answer") && $0.hasPrefix("│") }, "\(screen)")
        let x = try #require(lines[y].firstIndex(of: "a")).utf16Offset(in: lines[y])
        backend.send(.mouse(MouseEvent(.press(button: 0), x: x, y: y)))
        #expect(await backend.waitForFrame { $0.contains("╭ answer") } != nil, "the click did not select answer: \(backend.text)")
        backend.type("q")
        #expect(await loop.outcome() != nil)
    }

    @Test func keysScrollThePaneTheLoopDrawsFromItsFirstLineToItsLast() async throws {
        let backend = TestBackend(width: 80, height: 16)
        let text = (1...60).map { "line \($0) of the answer" }.joined(separator: "\n")
        let loop = LoopThread(backend, gate: Gate(open: true, answer: text))
        try #require(await backend.waitForFrame { $0.contains("✓ finished") } != nil)
        // The root's Output tab starts at its top; Tab gives the pane the keys.
        var after = backend.frameCount
        backend.type("3")
        try #require(await backend.waitForFrame(after: after) { $0.contains("line 1 of") } != nil, "\(backend.text)")
        after = backend.frameCount
        backend.send(.tab)
        backend.send(.end)
        let end = try #require(await backend.waitForFrame(after: after) { $0.contains("line 60 of") }, "End did not reach the last line: \(backend.text)")
        #expect(!end.contains("line 1 of"))
        after = backend.frameCount
        backend.send(.up)
        try #require(await backend.waitForFrame(after: after) { !$0.contains("line 60 of") && $0.contains("line 59 of") } != nil, "Up did not scroll one line: \(backend.text)")
        after = backend.frameCount
        backend.send(.home)
        let top = try #require(await backend.waitForFrame(after: after) { $0.contains("line 1 of") }, "Home did not reach the first line: \(backend.text)")
        #expect(!top.contains("line 59 of"))
        // Down past the end many times, then one Up: the overshoot did not pile up.
        after = backend.frameCount
        for _ in 0..<80 { backend.send(.down) }
        backend.send(.up)
        try #require(await backend.waitForFrame(after: after) { !$0.contains("line 60 of") && $0.contains("line 59 of") } != nil, "\(backend.text)")
        backend.type("q")
        #expect(await loop.outcome() != nil)
    }

    @Test func aToolCallWaitsForTheEditorAndBadJSONKeepsItWaiting() async throws {
        let backend = TestBackend(width: 160, height: 30)
        let approver = InspectorApprover()
        let edits = Locked(["{not json", "{\"city\": \"Bergen\"}"])
        let seen = Locked<[String]>([])
        let model = GenericFakeChatModel(messages: [
            .ai("Checking.", toolCalls: [ToolCall(name: "get_weather", args: ["city": "Oslo"], id: "call_1")]), .ai("Done."),
        ], tokenDelay: 0)
        let weather = FunctionTool(spec: ToolSpec(name: "get_weather", description: "weather")) { input in
            .string("sunny in \(input["city"]?.stringValue ?? "?")")
        }
        let agent = Agent(model: model, tools: [weather])
        let task = Locked<Task<Value, any Error>?>(nil)
        let loop = LoopThread(backend, approver: approver, editor: { text, name in
            seen.withLock { $0.append(name + "\n" + text) }
            return .saved(edits.withLock { $0.removeFirst() })
        }) { handlers in
            var config = RunConfig(callbacks: handlers)
            config.toolApprover = approver
            let started = Task { try await agent.invoke("Weather?", config: config) }
            task.withLock { $0 = started }
            return started
        }
        try #require(await backend.waitForFrame { $0.contains("Run tool call? get_weather {\"city\":\"Oslo\"}") } != nil, "\(backend.text)")
        var after = backend.frameCount
        backend.type("e")
        let bad = try #require(await backend.waitForFrame(after: after) { $0.contains("Edit not used: line 1") }, "\(backend.text)")
        #expect(bad.contains("Run tool call? get_weather"), "the call no longer waits: \(bad)")
        #expect(backend.handOverCount == 1)
        let first = try #require(seen.withLock { $0.first })
        #expect(first.hasPrefix("get_weather-arguments.json\n{") && first.contains("\"city\"") && first.contains("\"Oslo\""), "\(first)")
        after = backend.frameCount
        backend.type("e")
        try #require(await backend.waitForFrame(after: after) { $0.contains("✓ finished") } != nil, "\(backend.text)")
        #expect(backend.handOverCount == 2)
        backend.type("q")
        #expect(await loop.outcome() != nil)
        let value = try await #require(task.withLock { $0 }).value
        let tool = value["messages"]?.arrayValue?.compactMap(\.messageValue).first { $0.role == .tool }
        #expect(tool?.content == "sunny in Bergen")
    }

    @Test func eRunsTheSelectedStepAgainWithTheEditedInputAndDComparesIt() async throws {
        let backend = TestBackend(width: 160, height: 30)
        let steps = InspectorStepKeeper()
        let edits = Locked(["{not json", nil as String?])
        let seen = Locked<[String]>([])
        let compared = Locked<[(original: RunNode, rerun: RunNode)]>([])
        let chain = try ChatPromptTemplate.fromTemplate("Say {word}")
            | GenericFakeChatModel(responses: ["one", "two"], tokenDelay: 0) | StrOutputParser()
        let loop = LoopThread(backend, steps: steps, compare: { _, forest, original, rerun in
            compared.withLock { $0.append((forest[original], forest[rerun])) }
            return "compared here"
        }, editor: { text, name in
            seen.withLock { $0.append(name + "\n" + text) }
            let edit = edits.withLock { $0.removeFirst() }
            return .saved(edit ?? text.replacingOccurrences(of: "Say Paris", with: "Say Lyon"))
        }) { handlers in
            var config = RunConfig(callbacks: handlers)
            config.stepKeeper = steps
            return Task { try await chain.invoke(["word": "Paris"], config: config) }
        }
        try #require(await backend.waitForFrame { $0.contains("✓ finished") } != nil, "\(backend.text)")
        // The model's run: the third row.
        backend.type("g")
        backend.type("j")
        backend.type("j")
        var after = backend.frameCount
        backend.type("E")
        try #require(await backend.waitForFrame(after: after) { $0.contains("Not run again: line 1") } != nil, "\(backend.text)")
        let first = try #require(seen.withLock { $0.first })
        #expect(first.hasPrefix("GenericFakeChatModel-input.json\n[") && first.contains(#""content": "Say Paris""#), "\(first)")
        after = backend.frameCount
        backend.type("E")
        // The rerun is a second trace, beside the original, and its answer streams in the pane.
        let rerun = try #require(await backend.waitForFrame(after: after) { frame in
            frame.contains("✓ finished") && frame.contains("two")
        }, "\(backend.text)")
        #expect(backend.handOverCount == 2)
        #expect(rerun.contains("RunnableSequence"), "the original trace is gone: \(rerun)")
        after = backend.frameCount
        backend.type("d")
        try #require(await backend.waitForFrame(after: after) { $0.contains("compared here") } != nil, "\(backend.text)")
        let pair = try #require(compared.withLock { $0.first })
        #expect(pair.original.name == "GenericFakeChatModel" && pair.original.parentId != nil)
        #expect(pair.rerun.runType == .chatModel && pair.rerun.parentId == nil)
        #expect(pair.rerun.text == "two" && pair.original.outputs?.messageValue?.content == "one")
        #expect(pair.rerun.inputs?.jsonString().contains("Say Lyon") == true, "\(String(describing: pair.rerun.inputs))")
        backend.type("q")
        #expect(await loop.outcome() != nil)
    }
}
