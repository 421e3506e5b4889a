/// A chat message: system, human, AI (with tool calls and token usage) or tool.
public struct Message: Sendable, Equatable {
    /// Who speaks.
    public enum Role: String, Sendable, Equatable {
        case system, human, ai, tool
    }

    /// Who speaks.
    public var role: Role {
        get { storage.role }
        _modify { yield &uniqueStorage().role }
    }
    public var content: String {
        get { storage.content }
        _modify { yield &uniqueStorage().content }
    }
    public var name: String? {
        get { storage.name }
        _modify { yield &uniqueStorage().name }
    }
    public var id: String? {
        get { storage.id }
        _modify { yield &uniqueStorage().id }
    }
    /// Tool calls requested by an AI message.
    public var toolCalls: [ToolCall] {
        get { storage.toolCalls }
        _modify { yield &uniqueStorage().toolCalls }
    }
    /// The tool call a tool message answers.
    public var toolCallId: String? {
        get { storage.toolCallId }
        _modify { yield &uniqueStorage().toolCallId }
    }
    /// Whether a tool message reports success or a handled tool error (LangChain's
    /// `ToolMessage.status`); `success` on other messages.
    public var status: ToolStatus {
        get { storage.status }
        _modify { yield &uniqueStorage().status }
    }
    /// Token counts reported by the model, on AI messages.
    public var usage: UsageMetadata? {
        get { storage.usage }
        _modify { yield &uniqueStorage().usage }
    }
    public var additionalKwargs: ValueObject {
        get { storage.additionalKwargs }
        _modify { yield &uniqueStorage().additionalKwargs }
    }
    public var responseMetadata: ValueObject {
        get { storage.responseMetadata }
        _modify { yield &uniqueStorage().responseMetadata }
    }
    /// Whether this is a streamed chunk (`AIMessageChunk`) rather than a whole message.
    public var isChunk: Bool {
        get { storage.isChunk }
        _modify { yield &uniqueStorage().isChunk }
    }

    /// The fields, behind one reference: copying a message (into a value, a chunk, a
    /// total) is one retain, and it is copied only when a shared one changes.
    // @unchecked Sendable: changed only through a message that holds the only reference
    // to it (checked with isKnownUniquelyReferenced), so no two threads touch one that changes.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var role: Role
        @exclusivity(unchecked) var content: String
        @exclusivity(unchecked) var name: String?
        @exclusivity(unchecked) var id: String?
        @exclusivity(unchecked) var toolCalls: [ToolCall]
        @exclusivity(unchecked) var toolCallId: String?
        @exclusivity(unchecked) var status: ToolStatus
        @exclusivity(unchecked) var usage: UsageMetadata?
        @exclusivity(unchecked) var additionalKwargs: ValueObject
        @exclusivity(unchecked) var responseMetadata: ValueObject
        @exclusivity(unchecked) var isChunk: Bool

        init(
            role: Role, content: String, name: String?, id: String?, toolCalls: [ToolCall], toolCallId: String?,
            status: ToolStatus, usage: UsageMetadata?, additionalKwargs: ValueObject, responseMetadata: ValueObject,
            isChunk: Bool
        ) {
            self.role = role
            self.content = content
            self.name = name
            self.id = id
            self.toolCalls = toolCalls
            self.toolCallId = toolCallId
            self.status = status
            self.usage = usage
            self.additionalKwargs = additionalKwargs
            self.responseMetadata = responseMetadata
            self.isChunk = isChunk
        }

        /// A storage of its own with the same fields.
        func copy() -> Storage {
            Storage(
                role: role, content: content, name: name, id: id, toolCalls: toolCalls, toolCallId: toolCallId,
                status: status, usage: usage, additionalKwargs: additionalKwargs, responseMetadata: responseMetadata,
                isChunk: isChunk)
        }

        /// Whether every field equals `other`'s.
        func equals(_ other: Storage) -> Bool {
            role == other.role && content == other.content && name == other.name && id == other.id
                && toolCalls == other.toolCalls && toolCallId == other.toolCallId && status == other.status
                && usage == other.usage && additionalKwargs == other.additionalKwargs
                && responseMetadata == other.responseMetadata && isChunk == other.isChunk
        }
    }

    private var storage: Storage

    /// The storage, made this message's own first if it is shared.
    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public static func == (lhs: Message, rhs: Message) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.equals(rhs.storage)
    }

    /// A message with the given role and content.
    public init(
        role: Role, content: String, name: String? = nil, id: String? = nil,
        toolCalls: [ToolCall] = [], toolCallId: String? = nil, usage: UsageMetadata? = nil,
        additionalKwargs: ValueObject = [:], responseMetadata: ValueObject = [:], isChunk: Bool = false
    ) {
        storage = Storage(
            role: role, content: content, name: name, id: id, toolCalls: toolCalls, toolCallId: toolCallId,
            status: .success, usage: usage, additionalKwargs: additionalKwargs, responseMetadata: responseMetadata,
            isChunk: isChunk)
    }

    /// A system message.
    public static func system(_ content: String) -> Message { Message(role: .system, content: content) }
    /// A human message.
    public static func human(_ content: String) -> Message { Message(role: .human, content: content) }
    /// An AI message.
    public static func ai(_ content: String, toolCalls: [ToolCall] = []) -> Message {
        Message(role: .ai, content: content, toolCalls: toolCalls)
    }
    /// A tool message answering a tool call.
    public static func tool(_ content: String, toolCallId: String, name: String? = nil, status: ToolStatus = .success) -> Message {
        var message = Message(role: .tool, content: content, name: name, toolCallId: toolCallId)
        message.status = status
        return message
    }

    /// LangChain's class name: `HumanMessage`, `AIMessageChunk`, ...
    public var className: String {
        switch role {
        case .system: return isChunk ? "SystemMessageChunk" : "SystemMessage"
        case .human: return isChunk ? "HumanMessageChunk" : "HumanMessage"
        case .ai: return isChunk ? "AIMessageChunk" : "AIMessage"
        case .tool: return isChunk ? "ToolMessageChunk" : "ToolMessage"
        }
    }

    /// The prefix `get_buffer_string` uses: `Human`, `AI`, `System`, `Tool`.
    public var bufferPrefix: String {
        switch role {
        case .system: return "System"
        case .human: return "Human"
        case .ai: return "AI"
        case .tool: return "Tool"
        }
    }

    /// This message with a streamed chunk appended.
    public func appending(_ other: Message) -> Message {
        var result = self
        result.append(other)
        return result
    }

    /// Appends a streamed chunk in place: content concatenated, tool calls, usage and ids merged.
    public mutating func append(_ other: Message) {
        content += other.content
        if !other.toolCalls.isEmpty { toolCalls += other.toolCalls }
        if let usage = other.usage { self.usage = (self.usage ?? UsageMetadata()).adding(usage) }
        if id == nil { id = other.id }
        if !other.additionalKwargs.isEmpty { additionalKwargs = additionalKwargs.merging(other.additionalKwargs) }
        if !other.responseMetadata.isEmpty { responseMetadata = responseMetadata.merging(other.responseMetadata) }
    }
}

/// How a tool call ended, as LangChain's `ToolMessage.status`.
public enum ToolStatus: String, Sendable, Equatable {
    /// The tool returned a result.
    case success
    /// The tool failed and the failure was handled: the message holds the error text for the model.
    case error
}

/// Renders messages as `get_buffer_string` does: one `Role: content` line each.
public func bufferString(_ messages: [Message]) -> String {
    messages.map { "\($0.bufferPrefix): \($0.content)" }.joined(separator: "\n")
}
