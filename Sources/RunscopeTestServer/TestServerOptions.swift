/// The test server's defaults: the scenario for requests whose model name selects
/// none, the scripted text, the pace.
public struct TestServerOptions: Sendable {
    /// The scenario for every request, combined with the one its model name selects
    /// (the model name wins where both set something).
    public var defaultScenario: String
    /// The text tokens of a normal answer, streamed one per chunk.
    public var tokens: [String]
    /// Seconds before each content chunk.
    public var tokenDelay: Double
    /// The prompt token count reported in usage.
    public var inputTokens: Int
    /// Prompt tokens reported as read from the prompt cache (OpenAI's
    /// `prompt_tokens_details.cached_tokens`, Anthropic's `cache_read_input_tokens`); nil: the
    /// usage says nothing of a cache.
    public var cachedInputTokens: Int?
    /// A stalled response is closed after this many seconds if the client never gives up.
    public var stallLimit: Double
    /// The conversations a request can select with `conversation-<name>`, by name
    /// (case-insensitive). Default: `ScriptedConversation.builtIn`.
    public var conversations: [String: ScriptedConversation]
    /// Called with every request as it arrives, before it is answered (on the server's
    /// event loop: keep it short). `runscope-test-server --record FILE` writes them out.
    public var onRequest: (@Sendable (RecordedRequest) -> Void)?

    /// The default tokens: "Hello! How can I help you today?" in 9 chunks.
    public static let defaultTokens = ["Hello", "!", " How", " can", " I", " help", " you", " today", "?"]

    /// Options; by default a 20 ms pace and the default tokens.
    public init(
        defaultScenario: String = "", tokens: [String] = TestServerOptions.defaultTokens, tokenDelay: Double = 0.02,
        inputTokens: Int = 12, cachedInputTokens: Int? = nil, stallLimit: Double = 60,
        conversations: [String: ScriptedConversation] = ScriptedConversation.builtIn,
        onRequest: (@Sendable (RecordedRequest) -> Void)? = nil
    ) {
        self.defaultScenario = defaultScenario
        self.tokens = tokens
        self.tokenDelay = tokenDelay
        self.inputTokens = inputTokens
        self.cachedInputTokens = cachedInputTokens
        self.stallLimit = stallLimit
        self.conversations = conversations
        self.onRequest = onRequest
    }
}
