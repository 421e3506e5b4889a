/// A scripted chat model (LangChain's `GenericFakeChatModel`): returns its
/// messages in turn, streamed as words and single whitespace characters.
public struct GenericFakeChatModel: ChatModel {
    /// The answers, returned in turn (AI messages may carry tool calls).
    public var messages: [Message]
    /// Seconds between streamed tokens.
    public var tokenDelay: Double
    /// If set, the model fails with this message...
    public var error: String?
    /// ...after streaming this many tokens (default 0).
    public var errorAfter: Int?
    public var streaming: Bool
    public var callbacks: [any CallbackHandler]
    public var tags: [String]
    public var metadata: ValueObject
    public var name: String
    /// Failures scripted for single turns, by the answer's index in `messages`: that
    /// turn streams `after` tokens of its answer, then fails with `message`.
    public var turnFailures: [Int: ScriptedFailure] = [:]
    let cursor = ScriptCursor()

    /// A scripted model with the given answers and settings.
    public init(
        messages: [Message], tokenDelay: Double = 0.03, error: String? = nil, errorAfter: Int? = nil,
        streaming: Bool = false, callbacks: [any CallbackHandler] = [], tags: [String] = [],
        metadata: ValueObject = [:], name: String = "GenericFakeChatModel"
    ) {
        self.messages = messages
        self.tokenDelay = tokenDelay
        self.error = error
        self.errorAfter = errorAfter
        self.streaming = streaming
        self.callbacks = callbacks
        self.tags = tags
        self.metadata = metadata
        self.name = name
    }

    /// A scripted model answering with the given texts.
    public init(responses: [String], tokenDelay: Double = 0.03, streaming: Bool = false,
                callbacks: [any CallbackHandler] = []) {
        self.init(messages: responses.map { .ai($0) }, tokenDelay: tokenDelay, streaming: streaming, callbacks: callbacks)
    }

    public var providerName: String { "genericfakechatmodel" }
    public var invocationParams: ValueObject { ["_type": "generic-fake-chat-model"] }

    private func script() -> ScriptedStream {
        let turn = messages.isEmpty ? 0 : cursor.next(count: messages.count)
        let message = messages.isEmpty ? Message.ai("") : messages[turn]
        let failure = turnFailures[turn]
        return ScriptedStream(
            message: message, tokens: cursor.tokens(of: message.content, turn: turn), delay: tokenDelay,
            error: failure?.message ?? error, errorAfter: failure?.after ?? errorAfter)
    }

    public func chatStream(_ messages: [Message], options: ChatCallOptions) -> ValueStream {
        let model = self
        return ScriptedStream.lazy { model.script() }
    }

    public func generate(_ messages: [Message], options: ChatCallOptions) async throws -> Message {
        try script().whole()
    }
}
