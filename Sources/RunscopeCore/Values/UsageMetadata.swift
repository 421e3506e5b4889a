/// Token counts of one model call, as LangChain's `usage_metadata`.
///
/// As in LangChain, `inputTokens` counts every prompt token, cached ones included, and
/// `outputTokens` every generated token, reasoning included; the details say how many of
/// them were read from or written to a prompt cache, or spent on reasoning (nil: the
/// provider did not say).
public struct UsageMetadata: Sendable, Equatable {
    public var inputTokens: Int
    public var outputTokens: Int
    public var totalTokens: Int
    /// Prompt tokens read from the provider's cache (`input_token_details.cache_read`).
    public var cacheReadTokens: Int?
    /// Prompt tokens written to the provider's cache (`input_token_details.cache_creation`).
    public var cacheCreationTokens: Int?
    /// Output tokens spent on reasoning (`output_token_details.reasoning`).
    public var reasoningTokens: Int?

    /// Usage with the given counts; the total defaults to their sum.
    public init(
        inputTokens: Int = 0, outputTokens: Int = 0, totalTokens: Int? = nil, cacheReadTokens: Int? = nil,
        cacheCreationTokens: Int? = nil, reasoningTokens: Int? = nil
    ) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.totalTokens = totalTokens ?? inputTokens + outputTokens
        self.cacheReadTokens = cacheReadTokens
        self.cacheCreationTokens = cacheCreationTokens
        self.reasoningTokens = reasoningTokens
    }

    /// The sum of two usages (for merging streamed chunks, and for totals over runs).
    public func adding(_ other: UsageMetadata) -> UsageMetadata {
        UsageMetadata(
            inputTokens: inputTokens + other.inputTokens, outputTokens: outputTokens + other.outputTokens,
            totalTokens: totalTokens + other.totalTokens, cacheReadTokens: Self.sum(cacheReadTokens, other.cacheReadTokens),
            cacheCreationTokens: Self.sum(cacheCreationTokens, other.cacheCreationTokens),
            reasoningTokens: Self.sum(reasoningTokens, other.reasoningTokens))
    }

    /// Prompt tokens billed at the plain input rate: neither read from nor written to a cache.
    public var uncachedInputTokens: Int { max(0, inputTokens - (cacheReadTokens ?? 0) - (cacheCreationTokens ?? 0)) }

    /// LangChain's dict form (the details only where the provider gave them).
    public var asValue: Value {
        var object: ValueObject = ["input_tokens": .int(inputTokens), "output_tokens": .int(outputTokens), "total_tokens": .int(totalTokens)]
        var input: ValueObject = [:]
        if let cacheReadTokens { input["cache_read"] = .int(cacheReadTokens) }
        if let cacheCreationTokens { input["cache_creation"] = .int(cacheCreationTokens) }
        if !input.isEmpty { object["input_token_details"] = .object(input) }
        if let reasoningTokens { object["output_token_details"] = .object(["reasoning": .int(reasoningTokens)]) }
        return .object(object)
    }

    /// Reads LangChain's dict form; nil when `value` is not an object.
    public init?(value: Value?) {
        guard let object = value?.objectValue else { return nil }
        let input = object["input_token_details"]?.objectValue
        self.init(
            inputTokens: object["input_tokens"]?.intValue ?? 0, outputTokens: object["output_tokens"]?.intValue ?? 0,
            totalTokens: object["total_tokens"]?.intValue, cacheReadTokens: input?["cache_read"]?.intValue,
            cacheCreationTokens: input?["cache_creation"]?.intValue,
            reasoningTokens: object["output_token_details"]?["reasoning"]?.intValue)
    }

    private static func sum(_ a: Int?, _ b: Int?) -> Int? {
        a == nil && b == nil ? nil : (a ?? 0) + (b ?? 0)
    }
}
