import Foundation

/// One entry of a chat prompt: a message template, a placeholder for a list of
/// messages, or a fixed message.
public enum MessageTemplate: Sendable, Equatable {
    case template(Message.Role, TextTemplate)
    case placeholder(variableName: String, optional: Bool)
    case message(Message)

    /// The variables this entry needs.
    var variables: [String] {
        switch self {
        case .template(_, let template): return template.variables
        case .placeholder(let name, let optional): return optional ? [] : [name]
        case .message: return []
        }
    }
}

/// A chat prompt: message templates and placeholders filled in to a list of messages.
public struct ChatPromptTemplate: Runnable {
    public let messages: [MessageTemplate]
    public let partialVariables: ValueObject
    public let name: String
    /// The variables a caller must supply.
    public let inputVariables: [String]
    /// LangChain's serialized form, sent with every start event: built once, since
    /// the prompt never changes.
    public let serialized: Value

    /// A chat prompt of the given entries.
    public init(messages: [MessageTemplate], partialVariables: ValueObject = [:], name: String = "ChatPromptTemplate") {
        self.messages = messages
        self.partialVariables = partialVariables
        self.name = name
        self.inputVariables = Self.inputVariables(messages: messages, partialVariables: partialVariables)
        self.serialized = Self.serialized(
            messages: messages, inputVariables: inputVariables, partialVariables: partialVariables, name: name)
    }

    /// A chat prompt from `(role, template)` pairs. Roles: `system`, `human`/`user`,
    /// `ai`/`assistant`, `tool`, and `placeholder` (template `{name}`: a list of messages).
    public static func fromMessages(_ pairs: [(String, String)], format: TemplateFormat = .fString) throws
        -> ChatPromptTemplate
    {
        ChatPromptTemplate(messages: try pairs.map { try entry(role: $0.0, template: $0.1, format: format) })
    }

    /// A chat prompt of one human message template.
    public static func fromTemplate(_ template: String, format: TemplateFormat = .fString) throws(TemplateError)
        -> ChatPromptTemplate
    {
        ChatPromptTemplate(messages: [.template(.human, try TextTemplate(template, format: format))])
    }

    /// One entry from a role name and a template.
    public static func entry(role: String, template: String, format: TemplateFormat = .fString) throws
        -> MessageTemplate
    {
        if role == "placeholder" {
            let name = template.trimmingCharacters(in: CharacterSet(charactersIn: "{} "))
            return .placeholder(variableName: name, optional: true)
        }
        guard let parsedRole = Message.Role(name: role) else {
            throw TemplateError("unknown message role '\(FStringTemplate.visible(role))' (expected system, human, user, ai, assistant, tool or placeholder)")
        }
        return .template(parsedRole, try TextTemplate(template, format: format))
    }

    /// The variables a caller must supply to a prompt of `messages`.
    private static func inputVariables(messages: [MessageTemplate], partialVariables: ValueObject) -> [String] {
        var names: [String] = []
        for entry in messages {
            for name in entry.variables where !names.contains(name) && partialVariables[name] == nil { names.append(name) }
        }
        return names
    }

    /// The filled-in messages.
    public func formatMessages(_ input: Value) throws -> [Message] {
        let values = try PromptInput.values(input, required: inputVariables, partials: partialVariables, prompt: name)
        var result: [Message] = []
        for entry in messages {
            switch entry {
            case .template(let role, let template): result.append(Message(role: role, content: template.render(values)))
            case .message(let message): result.append(message)
            case .placeholder(let name, _):
                guard let value = values[name], !value.isNull else { continue }
                result += try Message.list(from: value, variable: name)
            }
        }
        return result
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, runType: .prompt, inputs: input, serialized: serialized, keeping: self) { _ in
            .promptValue(.chat(try formatMessages(input)))
        }
    }

    /// LangChain's serialized form of a chat prompt.
    private static func serialized(
        messages: [MessageTemplate], inputVariables: [String], partialVariables: ValueObject, name: String
    ) -> Value {
        var kwargs: ValueObject = ["input_variables": .array(inputVariables.map(Value.string))]
        if !partialVariables.isEmpty { kwargs["partial_variables"] = .object(partialVariables) }
        kwargs["messages"] = .array(messages.map(Self.serialize))
        return .object([
            "lc": 1, "type": "constructor", "id": ["langchain", "prompts", "chat", "ChatPromptTemplate"],
            "kwargs": .object(kwargs), "name": .string(name),
        ])
    }

    private static func serialize(_ entry: MessageTemplate) -> Value {
        switch entry {
        case .template(let role, let template):
            let className = ["system": "SystemMessagePromptTemplate", "human": "HumanMessagePromptTemplate",
                             "ai": "AIMessagePromptTemplate", "tool": "ChatMessagePromptTemplate"][role.rawValue]!
            return .constructor(["langchain", "prompts", "chat", className], ["prompt": template.serializedPrompt()])
        case .placeholder(let name, let optional):
            return .constructor(
                ["langchain", "prompts", "chat", "MessagesPlaceholder"],
                ["variable_name": .string(name), "optional": .bool(optional)])
        case .message(let message): return message.serialized()
        }
    }
}

