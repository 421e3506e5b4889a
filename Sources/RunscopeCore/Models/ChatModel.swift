/// Options of one model call: stop sequences, bound tools and other call arguments.
public struct ChatCallOptions: Sendable {
    public var stop: [String]?
    /// Tools bound with `bindTools`, as tool specs (`name`, `description`, `parameters`).
    public var tools: [ToolSpec]
    /// Other arguments bound to the call.
    public var kwargs: ValueObject
    /// The model run this call belongs to, so a provider can report retries
    /// (`run.retry(...)`) and text on it. `nil` outside a run.
    public var run: RunManager?

    /// Options read from bound call arguments (`stop`, `tools`).
    public init(kwargs: ValueObject = [:]) {
        self.kwargs = kwargs
        self.stop = kwargs["stop"]?.arrayValue?.compactMap(\.stringValue)
        self.tools = kwargs["tools"]?.arrayValue?.compactMap(ToolSpec.init(value:)) ?? []
    }
}

/// A chat model: messages in, an AI message out, streamed as message chunks.
///
/// Conformers implement `chatStream` (and `generate` when a non-streaming call
/// differs); the run, its events and token callbacks come from this protocol's
/// extension, the same for every provider.
public protocol ChatModel: Runnable {
    /// Constructor handlers: they see this model's runs only.
    var callbacks: [any CallbackHandler] { get }
    /// Constructor tags and metadata: local to this model's runs.
    var tags: [String] { get }
    var metadata: ValueObject { get }
    /// Whether `invoke` streams (and so emits token events), as LangChain's `streaming=True`.
    var streaming: Bool { get }
    /// LangChain's `ls_provider` (e.g. `openai`).
    var providerName: String { get }
    /// The model name sent to the provider, if any.
    var modelName: String? { get }
    /// The parameters of a call, for the start event (`invocation_params`).
    var invocationParams: ValueObject { get }
    /// LangChain's serialized form (`dumpd`), sent with the start event.
    var serialized: Value { get }

    /// Streams the answer as message chunks (`.message` values, `isChunk` set).
    func chatStream(_ messages: [Message], options: ChatCallOptions) -> ValueStream
    /// The whole answer without streaming. Default: the chunks of `chatStream` added up.
    func generate(_ messages: [Message], options: ChatCallOptions) async throws -> Message
}

extension ChatModel {
    public var callbacks: [any CallbackHandler] { [] }
    public var tags: [String] { [] }
    public var metadata: ValueObject { [:] }
    public var modelName: String? { nil }
    public var invocationParams: ValueObject { ["_type": .string(providerName)] }
    public var serialized: Value {
        .object(["lc": 1, "type": "not_implemented", "id": ["runscope", "chat_models", .string(name)], "name": .string(name)])
    }

    public func generate(_ messages: [Message], options: ChatCallOptions) async throws -> Message {
        var total: Message?
        for try await chunk in chatStream(messages, options: options) {
            guard let message = chunk.messageValue else { continue }
            if total == nil { total = message } else { total!.append(message) }
        }
        var message = total ?? .ai("")
        message.isChunk = false
        return message
    }

    /// This model with tools bound: their specs are sent with every call.
    public func bindTools(_ tools: [any Tool]) -> RunnableBinding {
        bind(["tools": .array(tools.map { $0.spec.asValue })])
    }
}
