/// A scripted chat model (LangChain's `FakeListChatModel`): returns its responses
/// in turn, streamed one character per token.
public struct FakeListChatModel: ChatModel {
    public var responses: [String]
    /// Seconds between streamed characters (LangChain's `sleep`).
    public var tokenDelay: Double
    public var error: String?
    public var errorAfter: Int?
    public var streaming: Bool
    public var callbacks: [any CallbackHandler]
    public var tags: [String]
    public var metadata: ValueObject
    public var name: String
    let cursor = ScriptCursor()

    /// A scripted model with the given responses and settings.
    public init(
        responses: [String], tokenDelay: Double = 0.03, error: String? = nil, errorAfter: Int? = nil,
        streaming: Bool = false, callbacks: [any CallbackHandler] = [], tags: [String] = [],
        metadata: ValueObject = [:], name: String = "FakeListChatModel"
    ) {
        self.responses = responses
        self.tokenDelay = tokenDelay
        self.error = error
        self.errorAfter = errorAfter
        self.streaming = streaming
        self.callbacks = callbacks
        self.tags = tags
        self.metadata = metadata
        self.name = name
    }

    public var providerName: String { "fakelistchatmodel" }
    public var invocationParams: ValueObject { ["_type": "fake-list-chat-model"] }

    private func script() -> ScriptedStream {
        let text = responses.isEmpty ? "" : responses[cursor.next(count: responses.count)]
        return ScriptedStream(
            message: .ai(text), tokens: text.map { String($0) }, delay: tokenDelay, error: error, errorAfter: errorAfter)
    }

    public func chatStream(_ messages: [Message], options: ChatCallOptions) -> ValueStream {
        let model = self
        return ScriptedStream.lazy { model.script() }
    }

    public func generate(_ messages: [Message], options: ChatCallOptions) async throws -> Message {
        try script().whole()
    }
}
