import Foundation
import RunscopeCore
import RunscopeHistory
@testable import RunscopeHistoryUI
import RunscopeInspector
import Testing

/// `d`: a step run again compared with its original, read from the inspector's forest of a
/// real run (the chain's events through `InspectorHandler`), not from the history.
@Suite struct ForestDiffTests {
    @Test func theOriginalStepsSubtreeIsSideAAndTheRerunSideB() async throws {
        let handler = InspectorHandler()
        let keeper = InspectorStepKeeper()
        let chain = try ChatPromptTemplate.fromTemplate("Say {word}")
            | GenericFakeChatModel(responses: ["one little answer", "two little answers"], tokenDelay: 0) | StrOutputParser()
        var config = RunConfig(callbacks: [handler])
        config.stepKeeper = keeper
        _ = try await chain.invoke(["word": "hi"], config: config)
        var state = InspectorState(title: "t")
        _ = reduce(&state, .events(handler.drain()))
        let root = try #require(state.forest.roots.first)
        let step = try #require(keeper.step(state.forest[root].id))
        let rerunId = UUID()
        _ = try await step.rerun(["word": "bye"], runId: rerunId, streaming: true)
        _ = reduce(&state, .events(handler.drain()))
        let rerun = try #require(state.forest.index(of: rerunId))

        let diff = ForestDiff.diff(state.forest, original: root, rerun: rerun)
        #expect(diff.rows.map(\.name) == ["RunnableSequence", "ChatPromptTemplate", "GenericFakeChatModel", "StrOutputParser"])
        #expect(diff.rows.allSatisfy { $0.match == "both" })
        #expect(diff.rows[0].a?.parentId == nil && diff.rows[0].b?.parentId == nil)
        let model = diff.rows[2]
        #expect(model.a?.outputText == "one little answer" && model.b?.outputText == "two little answers")
        #expect(model.outputDiff != nil && (model.b?.tokens ?? 0) > 0, "the rerun streamed: \(String(describing: model.b))")
        #expect(diff.a.runs == 4 && diff.b.runs == 4 && diff.b.status == "ok")
        #expect(diff.changedRows == 4, "the prompt, model, parser and root outputs all differ")
    }
}
