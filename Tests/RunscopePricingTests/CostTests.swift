import RunscopeCore
import Testing
@testable import RunscopePricing

/// What usage costs: each kind of token at its own rate.
struct CostTests {
    let price = ModelPrice(
        provider: "anthropic", model: "m", input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15,
        longContext: .init(above: 200_000, input: 6, cachedInput: 0.6, cacheWrite: 7.5, output: 22.5),
        source: "https://example.com", date: "2026-12-02")

    @Test func plainUsageIsInputAndOutputAtTheirRates() {
        let usage = UsageMetadata(inputTokens: 100_000, outputTokens: 10_000)
        #expect(abs(price.cost(of: usage) - (0.1 * 3 + 0.01 * 15)) < 1e-9)
    }

    @Test func cachedTokensAreTakenOutOfTheInputAndBilledApart() {
        // LangChain counts cache reads and writes in input_tokens.
        let usage = UsageMetadata(inputTokens: 200_000, outputTokens: 0, cacheReadTokens: 120_000, cacheCreationTokens: 20_000)
        #expect(usage.uncachedInputTokens == 60_000)
        #expect(abs(price.cost(of: usage) - (0.06 * 3 + 0.12 * 0.3 + 0.02 * 3.75)) < 1e-9)
    }

    @Test func longPromptsUseTheLongContextRates() {
        let usage = UsageMetadata(inputTokens: 250_000, outputTokens: 10_000)
        #expect(abs(price.cost(of: usage) - (0.25 * 6 + 0.01 * 22.5)) < 1e-9)
    }

    @Test func withoutACacheRateCachedTokensCostInput() {
        let plain = ModelPrice(provider: "openai", model: "m", input: 10, output: 30, source: "https://example.com", date: "2026-12")
        let usage = UsageMetadata(inputTokens: 1_000_000, outputTokens: 0, cacheReadTokens: 500_000)
        #expect(abs(plain.cost(of: usage) - 10) < 1e-9)
    }

    @Test func usageDetailsAddUpAndRoundTripLangChainsForm() {
        let a = UsageMetadata(inputTokens: 10, outputTokens: 5, cacheReadTokens: 4, reasoningTokens: 2)
        let b = UsageMetadata(inputTokens: 7, outputTokens: 1)
        let sum = a.adding(b)
        #expect(sum.inputTokens == 17 && sum.cacheReadTokens == 4 && sum.cacheCreationTokens == nil && sum.reasoningTokens == 2)
        #expect(UsageMetadata(value: a.asValue) == a)
        #expect(a.asValue["input_token_details"]?["cache_read"]?.intValue == 4)
        #expect(b.asValue["input_token_details"] == nil, "no details where the provider gave none (LangChain's form)")
    }
}
