import Foundation
import RunscopeCore
import RunscopeHistory
import RunscopePricing
import Testing

/// The recorder prices model runs from their usage, so the history lists and compares costs.
@Suite struct RecorderCostTests {
    /// Records one chain with one model run ending with `usage` (and `llmOutput`), returns the trace id.
    func record(_ home: TemporaryHistory, model: String, usage: UsageMetadata, llmOutput: ValueObject? = nil,
                prices: PriceTable = .builtIn) throws -> String {
        let recorder = HistoryRecorder(path: home.path, source: "run", prices: prices)
        let chain = RunInfo(runId: UUID(), parentRunId: nil, name: "RunnableSequence", runType: .chain)
        let llm = RunInfo(runId: UUID(), parentRunId: chain.runId, name: "ChatOpenAI", runType: .chatModel,
                          metadata: ["ls_provider": "openai", "ls_model_name": .string(model)])
        let message = Message(role: .ai, content: "hi", usage: usage, responseMetadata: ["model_name": .string(model)])
        try recorder.handle(.chainStart(inputs: "x"), run: chain)
        try recorder.handle(.chatModelStart(messages: [[.human("x")]]), run: llm)
        try recorder.handle(.llmEnd(LLMResult(generations: [[Generation(text: "hi", message: message)]], llmOutput: llmOutput)), run: llm)
        try recorder.handle(.chainEnd(outputs: "hi", inputs: nil), run: chain)
        return try #require(recorder.close().traces.first)
    }

    @Test func aPricedModelRunsCostIsKeptOnTheRunAndTheTrace() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let trace = try record(home, model: "gpt-4o-mini-2024-07-18", usage: UsageMetadata(inputTokens: 1_000_000, outputTokens: 1_000_000))
        let store = try HistoryStore.open(path: home.path)
        let runs = try store.runs(trace: trace)
        #expect(abs((runs.first { $0.name == "ChatOpenAI" }?.costUSD ?? 0) - 0.75) < 1e-9, "$0.15 in + $0.60 out")
        #expect(abs((try store.trace(id: trace)?.costUSD ?? 0) - 0.75) < 1e-9)
    }

    @Test func aCostTheResultGivesWinsAndAnUnknownModelHasNone() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let given = try record(home, model: "gpt-4o-mini", usage: UsageMetadata(inputTokens: 10, outputTokens: 10), llmOutput: ["cost_usd": 0.5])
        let unknown = try record(home, model: "house-model", usage: UsageMetadata(inputTokens: 10, outputTokens: 10))
        let store = try HistoryStore.open(path: home.path)
        #expect(try store.trace(id: given)?.costUSD == 0.5)
        #expect(try store.trace(id: unknown)?.costUSD == nil)
    }
}
