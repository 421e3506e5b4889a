import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// `E` runs the selected step again with an edited input (the app does the editing and the
/// running), `d` compares a step run again with its original; and the editable text of an
/// input reads back as the same kind of input.
@Suite struct StepRerunTests {
    /// root > (prompt, model); ended.
    static func ended() -> (InspectorState, EventScript) {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events([
            script.start("root"), script.start("prompt", parent: "root", type: .prompt), script.end("prompt"),
            script.start("model", parent: "root", type: .chatModel), script.end("model"), script.end("root"),
        ]))
        _ = reduce(&state, .chainEnded(.succeeded, script.tick()))
        return (state, script)
    }

    /// `ended()` with the model run again as a new trace `model again` (started, then ended).
    static func rerun() -> (InspectorState, EventScript) {
        var (state, script) = ended()
        let original = script.id("model")
        let rerun = script.id("model again")
        _ = reduce(&state, .stepRerunStarted(original: original, rerun: rerun, script.tick()))
        _ = reduce(&state, .events([script.start("model again", type: .chatModel), script.token("model again", "hi")]))
        _ = reduce(&state, .events([script.end("model again")]))
        _ = reduce(&state, .chainEnded(.succeeded, script.tick()))
        return (state, script)
    }

    @Test func eAsksTheAppToRunTheSelectedStepAgain() {
        var (state, _) = Self.ended()
        press(&state, .down, .down)
        #expect(selectedName(state) == "model")
        #expect(press(&state, .char("E")) == [.editStep(run: state.selected!)])
    }

    @Test func notWhileTheChainRunsNorOnARecording() {
        var script = EventScript()
        var running = startedState()
        _ = reduce(&running, .events([script.start("root")]))
        #expect(press(&running, .char("E")).isEmpty)
        #expect(running.message?.contains("Wait for the run to end") == true)

        var (replay, _) = Self.ended()
        _ = reduce(&replay, .playback(Playback(label: "replay ended")))
        #expect(press(&replay, .char("E")).isEmpty)
        #expect(replay.message?.contains("A recorded run cannot run again") == true)
    }

    @Test func aStepRunAgainIsFollowedLikeTheChainAndEndsLikeIt() {
        var (state, script) = Self.ended()
        _ = reduce(&state, .stepRerunStarted(original: script.id("model"), rerun: script.id("again"), script.tick()))
        #expect(state.chain.isRunning)
        #expect(state.message == "Running model again · d compares it with the original")
        _ = reduce(&state, .events([script.start("again", type: .chatModel), script.token("again", "x")]))
        #expect(selectedName(state) == "again", "follow picks the new trace's stream")
        #expect(state.forest.roots.count == 2, "the original trace stays beside it")
        // Ctrl-C while it runs cancels it, as it cancels the chain.
        #expect(press(&state, .ctrlC) == [.cancelChain])
        _ = reduce(&state, .chainEnded(.cancelled, script.tick()))
        #expect(!state.chain.isRunning)
        #expect(state.forest[state.forest.index(of: script.id("again"))!].status == .cancelled)
    }

    @Test func theRerunIsSelectedWhenItArrivesThoughNothingStreams() {
        var (state, script) = Self.ended()
        press(&state, .down)
        #expect(selectedName(state) == "prompt")
        _ = reduce(&state, .stepRerunStarted(original: script.id("prompt"), rerun: script.id("prompt again"), script.tick()))
        _ = reduce(&state, .events([script.start("prompt again", type: .prompt)]))
        #expect(selectedName(state) == "prompt again")
    }

    @Test func dComparesTheRerunWithItsOriginalFromEitherSide() {
        var (state, script) = Self.rerun()
        let original = state.forest.index(of: script.id("model"))!
        let rerun = state.forest.index(of: script.id("model again"))!
        state.select(rerun)
        #expect(press(&state, .char("d")) == [.compareRuns(original: original, rerun: rerun)])
        state.select(original)
        #expect(press(&state, .char("d")) == [.compareRuns(original: original, rerun: rerun)])
        // A run that was never run again has nothing to compare with.
        state.select(state.forest.index(of: script.id("prompt"))!)
        #expect(press(&state, .char("d")).isEmpty)
        #expect(state.message?.hasPrefix("d compares a step run again") == true)
    }

    @Test func runningTheWholeChainAgainForgetsTheReruns() {
        var (state, _) = Self.rerun()
        #expect(state.reruns.count == 1)
        _ = reduce(&state, .chainStarted(Date()))
        #expect(state.reruns.isEmpty)
    }

    @Test func cCollapsesAllNow() {
        var (state, _) = Self.ended()
        press(&state, .char("c"))
        #expect(rowNames(state) == ["root"])
    }

    // MARK: - The editable text

    @Test func messagesAreEditedAsRoleObjectsAndComeBackAsMessages() throws {
        let call = ToolCall(name: "get_weather", args: ["city": "Oslo"], id: "call_1")
        let input = Value.promptValue(.chat([
            .system("Be brief."), .human("Weather?"), .ai("", toolCalls: [call]),
            .tool("sunny", toolCallId: "call_1", name: "get_weather"),
        ]))
        let text = StepInputText.text(input)
        #expect(text.contains("\"role\": \"system\"") && text.contains("\"tool_call_id\": \"call_1\""))
        #expect(!text.contains("\"lc\""), "not LangChain's serialized form")
        let edited = text.replacingOccurrences(of: "Weather?", with: "Weather in Rome?")
        let back = try StepInputText.input(edited, replacing: input)
        let items = try #require(back.arrayValue)
        let messages = items.compactMap(\.messageValue)
        #expect(messages.map(\.role) == [.system, .human, .ai, .tool])
        #expect(messages[1].content == "Weather in Rome?")
        #expect(messages[2].toolCalls == [call])
        #expect(messages[3].toolCallId == "call_1" && messages[3].name == "get_weather")
    }

    @Test func oneMessageComesBackAsOneMessage() throws {
        let back = try StepInputText.input(#"{"role": "ai", "content": "Paris"}"#, replacing: .message(.ai("Rome")))
        #expect(back.messageValue?.content == "Paris" && back.messageValue?.role == .ai)
    }

    @Test func messagesInsideAnObjectComeBackAsMessages() throws {
        let input: Value = ["question": "why?", "history": .array([.message(.human("hi")), .message(.ai("hello"))])]
        let back = try StepInputText.input(StepInputText.text(input), replacing: input)
        #expect(back.objectValue?["question"] == "why?")
        #expect(back.objectValue?["history"]?.arrayValue?.compactMap(\.messageValue).map(\.content) == ["hi", "hello"])
    }

    @Test func plainValuesStayPlain() throws {
        let input: Value = ["topic": "cats", "n": 3]
        #expect(StepInputText.text(input) == "{\n  \"topic\": \"cats\",\n  \"n\": 3\n}\n")
        let back = try StepInputText.input(#"{"topic": "dogs", "role": "x", "content": "y"}"#, replacing: input)
        #expect(back == ["topic": "dogs", "role": "x", "content": "y"], "no message where the original had none")
    }

    @Test func badJSONIsAnErrorThatSaysWhere() {
        #expect(throws: (any Error).self) { try StepInputText.input("{\"topic\": ", replacing: ["topic": "cats"]) }
    }
}
