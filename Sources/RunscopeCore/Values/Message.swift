/// A chat message: system, human, AI (with tool calls and token usage) or tool.
public struct Message: Sendable, Equatable {
    /// Who speaks.
    public enum Role: String, Sendable, Equatable {
        case system, human, ai, tool
    }

    public var role: Role
    public var content: String
    public var name: String?
    public var id: String?
    /// Tool calls requested by an AI message.
    public var toolCalls: [ToolCall]
    /// The tool call a tool message answers.
    public var toolCallId: String?
    /// Whether a tool message reports success or a handled tool error (LangChain's
    /// `ToolMessage.status`); `success` on other messages.
    public var status: ToolStatus = .success
    /// Token counts reported by the model, on AI messages.
    public var usage: UsageMetadata?
    public var additionalKwargs: ValueObject
    public var responseMetadata: ValueObject
    /// Whether this is a streamed chunk (`AIMessageChunk`) rather than a whole message.
    public var isChunk: Bool

    /// A message with the given role and content.
    public init(
        role: Role, content: String, name: String? = nil, id: String? = nil,
        toolCalls: [ToolCall] = [], toolCallId: String? = nil, usage: UsageMetadata? = nil,
        additionalKwargs: ValueObject = [:], responseMetadata: ValueObject = [:], isChunk: Bool = false
    ) {
        self.role = role
        self.content = content
        self.name = name
        self.id = id
        self.toolCalls = toolCalls
        self.toolCallId = toolCallId
        self.usage = usage
        self.additionalKwargs = additionalKwargs
        self.responseMetadata = responseMetadata
        self.isChunk = isChunk
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
