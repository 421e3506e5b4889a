/// The kind of a run, as LangChain names it in traces and event logs.
public enum RunType: String, Sendable, Equatable, CaseIterable {
    case chain, prompt, parser, llm
    case chatModel = "chat_model"
    case tool, retriever

    /// Whether this run reports with chain events (chain, prompt and parser runs do).
    public var isChainLike: Bool { self == .chain || self == .prompt || self == .parser }

    /// Whether this is a model run (LLM or chat model).
    public var isModel: Bool { self == .llm || self == .chatModel }
}
