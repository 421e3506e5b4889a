import RunscopeCore

/// What one model costs, in US dollars per million tokens, and where that price was read.
public struct ModelPrice: Sendable, Equatable {
    /// Rates that apply to prompts longer than a threshold (Anthropic's long-context pricing).
    public struct LongContext: Sendable, Equatable {
        /// Prompts of more than this many input tokens are billed at these rates.
        public var above: Int
        public var input: Double
        public var cachedInput: Double?
        public var cacheWrite: Double?
        public var output: Double
    }

    /// The provider as LangChain names it in `ls_provider` (`openai`, `anthropic`, `ollama`).
    public var provider: String
    /// The model's name, without a date suffix (`gpt-4o`, `claude-sonnet-4-5`).
    public var model: String
    /// Other names of the same model (`claude-opus-4-0`).
    public var aliases: [String]
    /// Uncached input tokens.
    public var input: Double
    /// Input tokens read from the prompt cache (nil: billed as input).
    public var cachedInput: Double?
    /// Input tokens written to the prompt cache (nil: billed as input).
    public var cacheWrite: Double?
    /// Output tokens (reasoning included).
    public var output: Double
    public var longContext: LongContext?
    /// Where the price was read: a URL.
    public var source: String
    /// When it was read there (`2025-08-07`, or `2026-06` where the source gives only a month).
    public var date: String
    /// A remark shown with the price (`runs on your machine`).
    public var note: String?

    /// A price; the rates are USD per million tokens.
    public init(
        provider: String, model: String, aliases: [String] = [], input: Double, cachedInput: Double? = nil, cacheWrite: Double? = nil,
        output: Double, longContext: LongContext? = nil, source: String, date: String, note: String? = nil
    ) {
        self.provider = provider
        self.model = model
        self.aliases = aliases
        self.input = input
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.output = output
        self.longContext = longContext
        self.source = source
        self.date = date
        self.note = note
    }

    /// What `usage` costs at this price, in US dollars: uncached input, cache reads, cache
    /// writes and output each at their own rate (the long-context rates past their threshold).
    public func cost(of usage: UsageMetadata) -> Double {
        var rates = (input: input, cached: cachedInput, write: cacheWrite, output: output)
        if let long = longContext, usage.inputTokens > long.above {
            rates = (long.input, long.cachedInput, long.cacheWrite, long.output)
        }
        let dollars = Double(usage.uncachedInputTokens) * rates.input
            + Double(usage.cacheReadTokens ?? 0) * (rates.cached ?? rates.input)
            + Double(usage.cacheCreationTokens ?? 0) * (rates.write ?? rates.input)
            + Double(usage.outputTokens) * rates.output
        return dollars / 1_000_000
    }

    /// Whether every rate is zero (a model run locally).
    public var isFree: Bool { input == 0 && output == 0 && (cachedInput ?? 0) == 0 && (cacheWrite ?? 0) == 0 }
}
