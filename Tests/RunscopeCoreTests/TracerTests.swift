import Foundation
import RunscopeCore
import RunscopeTestSupport
import Testing

@Suite struct TracerTests {
    @Test func buildsTheRunTreeWithTokensAndOutputs() async throws {
        let tracer = Tracer()
        for try await _ in try LangChainCases.promptChatParser().stream(["animal": "cats"], config: RunConfig(callbacks: [tracer])) {}
        let root = try #require(tracer.runs.first)
        #expect(tracer.runs.count == 1)
        #expect(root.name == "RunnableSequence" && root.status == .succeeded && root.executionOrder == 1)
        #expect(root.childRuns.map(\.name) == ["ChatPromptTemplate", "GenericFakeChatModel", "StrOutputParser"])
        #expect(root.childRuns.map(\.executionOrder) == [2, 3, 4])
        #expect(root.inputs == ["animal": "cats"], "stream mode reports the real input at the end")
        #expect(root.outputs == ["output": .string(LangChainCases.joke)])
        let model = root.childRuns[1]
        #expect(model.runType == .chatModel)
        #expect(model.tokens.map(\.text).joined() == LangChainCases.joke)
        #expect(zip(model.tokens, model.tokens.dropFirst()).allSatisfy { $0.time <= $1.time })
        #expect(model.outputs?["generations"]?.arrayValue?.first?.arrayValue?.first?["text"] == .string(LangChainCases.joke))
    }

    @Test func marksFailedRunsAndKeepsTheError() async throws {
        let tracer = Tracer()
        _ = try? await LangChainCases.chainError().invoke(["animal": "cats"], config: RunConfig(callbacks: [tracer]))
        let root = try #require(tracer.runs.first)
        #expect(root.status == .failed)
        let failed = root.flattened().filter { $0.status == .failed }.map(\.name)
        #expect(failed == ["RunnableSequence", "explode"])
        #expect(root.error?.type == "ValueError")
        #expect(root.error?.message.hasPrefix("cannot post-process: Why") == true)
    }

    @Test func aRunWhoseParentItNeverSawIsARoot() async throws {
        let tracer = Tracer()
        _ = try await LangChainCases.seed(callbacks: [tracer]).invoke(["animal": "cats"])
        let runs = tracer.runs
        #expect(runs.count == 1 && runs[0].runType == .chatModel)
        #expect(runs[0].parentRunId != nil, "the parent id is kept though the parent is unknown")
    }

    @Test func recordsRetriesAndCustomEvents() async throws {
        let tracer = Tracer()
        _ = try await LangChainCases.retry().invoke(["animal": "cats"], config: RunConfig(callbacks: [tracer]))
        _ = try await LangChainCases.customEvent().invoke(["animal": "cats"], config: RunConfig(callbacks: [tracer]))
        let retryRun = try #require(tracer.runs[0].childRuns.last)
        #expect(retryRun.events.map(\.name) == ["retry", "retry"])
        #expect(retryRun.childRuns.map(\.status) == [.failed, .failed, .succeeded])
        let step = try #require(tracer.runs[1].childRuns.first)
        #expect(step.events.first?.data["name"] == "progress")
    }

    /// Runs found among the newest and through the index alike: twenty children started
    /// before any ends, an old one ending first, a child under an old one.
    @Test func runsOlderThanTheNewestAreFoundThroughTheIndex() throws {
        let tracer = Tracer()
        let root = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "root", runType: .chain)
        try tracer.handle(.chainStart(inputs: "go"), run: root)
        let children = (1...20).map { RunInfo(runId: UUIDv7.make(), parentRunId: root.runId, name: "c\($0)", runType: .chain) }
        for child in children { try tracer.handle(.chainStart(inputs: .string(child.name)), run: child) }
        let grandchild = RunInfo(runId: UUIDv7.make(), parentRunId: children[1].runId, name: "g", runType: .chain)
        try tracer.handle(.chainEnd(outputs: "one", inputs: nil), run: children[0])
        try tracer.handle(.chainStart(inputs: "deep"), run: grandchild)
        try tracer.handle(.chainEnd(outputs: "deep", inputs: nil), run: grandchild)
        for child in children.dropFirst() { try tracer.handle(.chainEnd(outputs: .string(child.name), inputs: nil), run: child) }
        try tracer.handle(.chainEnd(outputs: "done", inputs: nil), run: root)
        let tree = try #require(tracer.runs.first)
        #expect(tracer.runs.count == 1 && tree.status == .succeeded && tree.outputs == ["output": "done"])
        #expect(tree.childRuns.map(\.name) == children.map(\.name))
        #expect(tree.childRuns.allSatisfy { $0.status == .succeeded && $0.outputs == ["output": .string($0.name == "c1" ? "one" : $0.name)] })
        #expect(tree.childRuns[1].childRuns.map(\.name) == ["g"] && tree.childRuns[1].childRuns[0].executionOrder == 22)
        #expect(tree.childRuns.map(\.executionOrder) == Array(2...21))
        #expect(tracer.run(children[0].runId)?.outputs == ["output": "one"])
    }
}
