/// The output of a prompt template: a string or a list of chat messages.
public enum PromptValue: Sendable, Equatable {
    case string(String)
    case chat([Message])

    /// The prompt as one string (chat messages as `Role: content` lines).
    public func toString() -> String {
        switch self {
        case .string(let text): return text
        case .chat(let messages): return bufferString(messages)
        }
    }

    /// The prompt as messages (a string becomes one human message).
    public func toMessages() -> [Message] {
        switch self {
        case .string(let text): return [.human(text)]
        case .chat(let messages): return messages
        }
    }
}

/// A piece of text with metadata, as retrievers return it.
public struct Document: Sendable, Equatable {
    public var pageContent: String
    public var metadata: ValueObject
    public var id: String?

    /// A document with the given text and metadata.
    public init(pageContent: String, metadata: ValueObject = [:], id: String? = nil) {
        self.pageContent = pageContent
        self.metadata = metadata
        self.id = id
    }
}
