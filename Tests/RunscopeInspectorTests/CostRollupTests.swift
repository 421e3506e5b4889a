import Foundation
import RunscopeCore
import RunscopePricing
import Testing
@testable import RunscopeInspector

/// Model runs priced from their metadata and response, and their usage and cost summed
/// up the tree and over the whole forest.
@Suite struct CostRollupTests {
    /// A price table of two made-up models, so the sums below are easy to check by hand.
    static let prices = PriceTable([
        ModelPrice(provider: "openai", model: "cheap", input: 1, cachedInput: 0.5, output: 2, source: "https://example.com/a", date: "2026-12-01"),
        ModelPrice(provider: "openai", model: "dear", input: 10, output: 20, source: "https://example.com/b", date: "2026-12-01"),
    ])

    static func state() -> InspectorState {
        var state = InspectorState(title: "t", width: 120, height: 40, now: EventScript.base, prices: prices)
        _ = reduce(&state, .chainStarted(EventScript.base))
        return state
    }

    /// Starts model run `name` under `parent` as LangChain's metadata describes it.
    static func startModel(_ script: inout EventScript, _ name: String, parent: String, model: String) -> TimedEvent {
        let info = script.info(name, parent: parent, type: .chatModel, metadata: ["ls_provider": "openai", "ls_model_name": .string(model)])
        return TimedEvent(.chatModelStart(messages: [[.human("hi")]]), run: info, time: script.tick())
    }

    /// Ends model run `name` with `usage`, the response naming `responseModel` if given.
    static func endModel(_ script: inout EventScript, _ name: String, usage: UsageMetadata, responseModel: String? = nil) -> TimedEvent {
        var metadata: ValueObject = ["finish_reason": "stop"]
        if let responseModel { metadata["model_name"] = .string(responseModel) }
        let message = Message(role: .ai, content: "ok", usage: usage, responseMetadata: metadata)
        return TimedEvent(.llmEnd(LLMResult(generations: [[Generation(text: "ok", message: message)]])), run: script.infos[name]!, time: script.tick())
    }

    @Test func modelRunsArePricedAndTheirSumsRiseToEveryAncestor() {
        var script = EventScript()
        var state = Self.state()
        let million = 1_000_000
        _ = reduce(&state, .events([
            script.start("root"), script.start("step", parent: "root"),
            Self.startModel(&script, "a", parent: "step", model: "cheap"),
            Self.endModel(&script, "a", usage: UsageMetadata(inputTokens: million, outputTokens: million, cacheReadTokens: million / 2)),
            Self.startModel(&script, "b", parent: "root", model: "cheap"),
            Self.endModel(&script, "b", usage: UsageMetadata(inputTokens: million, outputTokens: 0), responseModel: "dear-2026-01-01"),
        ]))
        let forest = state.forest
        // a: 0.5M uncached at $1 + 0.5M cached at $0.5 + 1M out at $2; b: the response says `dear`, 1M in at $10.
        #expect(forest[2].cost == 0.5 + 0.25 + 2)
        #expect(forest.price(of: 2)?.model == "cheap")
        #expect(forest[3].cost == 10)
        #expect(forest.price(of: 3)?.model == "dear", "the model that answered is the one billed")
        #expect(forest[1].rollup.cost == 2.75 && forest[1].rollup.usage?.inputTokens == million)
        #expect(forest[0].rollup.cost == 12.75)
        #expect(forest[0].rollup.usage?.inputTokens == 2 * million && forest[0].rollup.usage?.cacheReadTokens == million / 2)
        #expect(forest.rollup.cost == 12.75 && forest.rollup.unpriced == 0)
    }

    @Test func aModelWithoutAPriceIsCountedNotGuessed() {
        var script = EventScript()
        var state = Self.state()
        _ = reduce(&state, .events([
            script.start("root"),
            Self.startModel(&script, "known", parent: "root", model: "cheap"),
            Self.endModel(&script, "known", usage: UsageMetadata(inputTokens: 1_000_000, outputTokens: 0)),
            Self.startModel(&script, "unknown", parent: "root", model: "mystery"),
            Self.endModel(&script, "unknown", usage: UsageMetadata(inputTokens: 5, outputTokens: 5)),
        ]))
        #expect(state.forest[2].cost == nil && state.forest.price(of: 2) == nil)
        #expect(state.forest[2].rollup.unpriced == 1)
        #expect(state.forest[0].rollup.cost == 1 && state.forest[0].rollup.unpriced == 1)
        #expect(state.forest[0].rollup.usage?.totalTokens == 1_000_010)
    }

    @Test func aSubtreeThatArrivesBeforeItsParentAddsToItOnceAdopted() {
        var script = EventScript()
        var state = Self.state()
        // The parent's start comes last (as runs from another process can).
        let parentStart = script.start("parent")
        _ = reduce(&state, .events([
            Self.startModel(&script, "m", parent: "parent", model: "dear"),
            Self.endModel(&script, "m", usage: UsageMetadata(inputTokens: 100_000, outputTokens: 0)),
        ]))
        _ = reduce(&state, .events([parentStart]))
        let parent = try? #require(state.forest.nodes.firstIndex { $0.name == "parent" })
        #expect(parent.map { state.forest[$0].rollup.cost } == 1)
        #expect(state.forest.rollup.cost == 1, "counted once in the forest's total")
    }

    @Test func aRerunStartsTheTotalsAfreshWithTheSamePrices() {
        var script = EventScript()
        var state = Self.state()
        _ = reduce(&state, .events([
            script.start("root"), Self.startModel(&script, "m", parent: "root", model: "dear"),
            Self.endModel(&script, "m", usage: UsageMetadata(inputTokens: 100_000, outputTokens: 0)),
        ]))
        #expect(state.forest.rollup.cost == 1)
        _ = reduce(&state, .chainStarted(script.tick()))
        #expect(state.forest.rollup.isEmpty)
        #expect(state.forest.prices == Self.prices)
    }
}
