/// One generated answer of a model: its text and, for chat models, the message.
public struct Generation: Sendable, Equatable {
    public var text: String
    public var message: Message?
    public var generationInfo: ValueObject?

    /// A generation with the given text and message.
    public init(text: String, message: Message? = nil, generationInfo: ValueObject? = nil) {
        self.text = text
        self.message = message
        self.generationInfo = generationInfo
    }
}

/// A streamed piece of a generation, passed with each new-token event.
public struct GenerationChunk: Sendable, Equatable {
    public var text: String
    public var message: Message?

    /// A chunk with the given text and message chunk.
    public init(text: String, message: Message? = nil) {
        self.text = text
        self.message = message
    }
}

/// What a model run ends with: generations per prompt and provider output.
public struct LLMResult: Sendable, Equatable {
    public var generations: [[Generation]]
    public var llmOutput: ValueObject?

    /// A result with the given generations.
    public init(generations: [[Generation]], llmOutput: ValueObject? = nil) {
        self.generations = generations
        self.llmOutput = llmOutput
    }

    /// The first generation's message, if any.
    public var firstMessage: Message? { generations.first?.first?.message }

    /// Token usage of the first generation's message, if reported.
    public var usage: UsageMetadata? { firstMessage?.usage }
}
