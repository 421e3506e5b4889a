import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// The hand-off between the chain and the UI.
@Suite struct InspectorHandlerTests {
    @Test func drainTakesEverythingInOrderOnce() {
        let handler = InspectorHandler(clock: { EventScript.base })
        let run = RunInfo(runId: UUID(), parentRunId: nil, name: "m", runType: .chatModel)
        for index in 0..<5 { handler.handle(.newToken("t\(index)", chunk: nil), run: run) }
        #expect(handler.pendingCount == 5)
        let drained = handler.drain()
        #expect(drained.count == 5)
        #expect(drained.map { if case .newToken(let text, _) = $0.event { return text } else { return "" } } == ["t0", "t1", "t2", "t3", "t4"])
        #expect(drained.allSatisfy { $0.time == EventScript.base })
        #expect(handler.drain().isEmpty)
    }

    @Test func concurrentProducersLoseNothing() async {
        let handler = InspectorHandler()
        let runs = (0..<4).map { RunInfo(runId: UUID(), parentRunId: nil, name: "m\($0)", runType: .chatModel) }
        let drainedWhileRunning = await withTaskGroup(of: Int.self) { group in
            for run in runs {
                group.addTask {
                    for index in 0..<2_000 { handler.handle(.newToken("\(index)", chunk: nil), run: run) }
                    return 0
                }
            }
            group.addTask {
                var total = 0
                for _ in 0..<50 {
                    total += handler.drain().count
                    await Task.yield()
                }
                return total
            }
            return await group.reduce(0, +)
        }
        #expect(drainedWhileRunning + handler.drain().count == 8_000)
        #expect(handler.drain().isEmpty)
    }

    @Test func aRealChainFeedsTheReducer() async throws {
        let handler = InspectorHandler()
        let prompt = try ChatPromptTemplate.fromTemplate("Say {word}")
        let model = GenericFakeChatModel(responses: ["hello big world"], tokenDelay: 0, streaming: true)
        let chain = prompt | model | StrOutputParser()
        _ = try await chain.invoke(["word": "hi"], config: RunConfig(callbacks: [handler]))
        var state = startedState()
        _ = reduce(&state, .events(handler.drain()))
        #expect(rowNames(state) == ["RunnableSequence", "ChatPromptTemplate", "GenericFakeChatModel", "StrOutputParser"])
        #expect(state.forest[2].text == "hello big world")
        #expect(state.forest.nodes.allSatisfy { $0.status == .succeeded })
        #expect(state.forest[0].streamSources == [2])
    }
}

@Suite struct ConstructorHandlerTests {
    /// A handler attached to the model only never sees the chain around it: the model run stays a root.
    @Test func aHandlerOnOneComponentSeesItsRunsAsRoots() async throws {
        let handler = InspectorHandler()
        let prompt = try ChatPromptTemplate.fromTemplate("Say {word}")
        let model = GenericFakeChatModel(responses: ["one two"], tokenDelay: 0, streaming: true, callbacks: [handler])
        _ = try await (prompt | model).invoke(["word": "hi"])
        var state = startedState()
        _ = reduce(&state, .events(handler.drain()))
        #expect(rowNames(state) == ["GenericFakeChatModel"])
        #expect(state.forest[0].parent == nil)
        #expect(state.forest[0].parentId != nil)
        #expect(state.forest[0].text == "one two")
        #expect(state.forest[0].status == .succeeded)
    }
}
