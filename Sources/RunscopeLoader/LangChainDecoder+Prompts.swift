import RunscopeCore

/// Prompts and messages of LangChain's serialized form.
extension LangChainDecoder {
    func promptTemplate(_ kwargs: JSONNode) throws(LoadError) -> PromptTemplate {
        kwargs.warnUnknown(
            ["input_variables", "template", "template_format", "partial_variables", "optional_variables",
             "input_types", "output_parser", "validate_template", "metadata", "tags", "name"], in: "PromptTemplate kwarg")
        let templateNode = try kwargs.required("template", for: "PromptTemplate")
        let format = try templateFormat(kwargs["template_format"])
        let partials = kwargs.has("partial_variables") ? try kwargs["partial_variables"].object() : [:]
        let text = try templateNode.string()
        do {
            return try PromptTemplate(text, format: format, partialVariables: partials)
        } catch {
            throw templateNode.error(error.message)
        }
    }

    func templateFormat(_ node: JSONNode) throws(LoadError) -> TemplateFormat {
        if node.value.isNull { return .fString }
        let name = try node.string()
        guard let format = TemplateFormat(rawValue: name) else {
            throw node.error("unsupported template_format '\(name)' (expected f-string or mustache)")
        }
        return format
    }

    func chatPromptTemplate(_ kwargs: JSONNode) throws(LoadError) -> ChatPromptTemplate {
        kwargs.warnUnknown(
            ["input_variables", "messages", "partial_variables", "optional_variables", "input_types", "output_parser",
             "validate_template", "metadata", "tags", "name"], in: "ChatPromptTemplate kwarg")
        var entries: [MessageTemplate] = []
        for node in try kwargs.required("messages", for: "ChatPromptTemplate").array() {
            entries.append(try messageTemplate(node))
        }
        let partials = kwargs.has("partial_variables") ? try kwargs["partial_variables"].object() : [:]
        return ChatPromptTemplate(messages: entries, partialVariables: partials)
    }

    private static let templateRoles: [String: Message.Role] = [
        "SystemMessagePromptTemplate": .system, "HumanMessagePromptTemplate": .human, "AIMessagePromptTemplate": .ai,
    ]

    func messageTemplate(_ node: JSONNode) throws(LoadError) -> MessageTemplate {
        let (className, kwargs, _) = try constructor(node)
        if let role = Self.templateRoles[className] {
            kwargs.warnUnknown(["prompt", "additional_kwargs"], in: "\(className) kwarg")
            return .template(role, try promptTemplate(try constructor(kwargs.required("prompt", for: className)).1).template)
        }
        switch className {
        case "ChatMessagePromptTemplate":
            let roleNode = try kwargs.required("role", for: className)
            guard let role = Message.Role(name: try roleNode.string()) else { throw roleNode.expected("a message role") }
            return .template(role, try promptTemplate(try constructor(kwargs.required("prompt", for: className)).1).template)
        case "MessagesPlaceholder":
            kwargs.warnUnknown(["variable_name", "optional", "n_messages"], in: "MessagesPlaceholder kwarg")
            return .placeholder(
                variableName: try kwargs.required("variable_name", for: className).string(),
                optional: try kwargs.optionalBool("optional") ?? false)
        default:
            return .message(try message(className, kwargs))
        }
    }

    private static let messageRoles: [String: Message.Role] = [
        "SystemMessage": .system, "HumanMessage": .human, "AIMessage": .ai, "ToolMessage": .tool,
    ]

    /// A message from its class and kwargs.
    func message(_ className: String, _ kwargs: JSONNode) throws(LoadError) -> Message {
        guard let role = Self.messageRoles[className.replacingOccurrences(of: "Chunk", with: "")] else {
            throw kwargs.error("\(className) is not a message or message template class")
        }
        kwargs.warnUnknown(
            ["content", "type", "id", "name", "tool_calls", "invalid_tool_calls", "tool_call_id", "usage_metadata",
             "additional_kwargs", "response_metadata", "example", "status", "artifact"], in: "\(className) kwarg")
        var message = Message(role: role, content: try content(kwargs.required("content", for: className)))
        message.isChunk = className.hasSuffix("Chunk")
        message.id = try kwargs.optionalString("id")
        if kwargs.has("usage_metadata") {
            let usage = kwargs["usage_metadata"]
            let input = usage["input_token_details"], output = usage["output_token_details"]
            message.usage = UsageMetadata(
                inputTokens: try usage.optionalInt("input_tokens") ?? 0, outputTokens: try usage.optionalInt("output_tokens") ?? 0,
                totalTokens: try usage.optionalInt("total_tokens"),
                cacheReadTokens: try input.optionalInt("cache_read"), cacheCreationTokens: try input.optionalInt("cache_creation"),
                reasoningTokens: try output.optionalInt("reasoning"))
        }
        if kwargs.has("response_metadata") { message.responseMetadata = try kwargs["response_metadata"].object() }
        if kwargs.has("additional_kwargs") { message.additionalKwargs = try kwargs["additional_kwargs"].object() }
        message.name = try kwargs.optionalString("name")
        message.toolCallId = try kwargs.optionalString("tool_call_id")
        if try kwargs.optionalString("status") == "error" { message.status = .error }
        if kwargs.has("tool_calls") {
            for call in try kwargs["tool_calls"].array() {
                guard let parsed = ToolCall(value: call.value) else { throw call.expected("a tool call with a name") }
                message.toolCalls.append(parsed)
            }
        }
        return message
    }

    /// Message content: a string, or content blocks whose texts are joined.
    func content(_ node: JSONNode) throws(LoadError) -> String {
        if let text = node.value.stringValue { return text }
        return try node.array().map { block throws(LoadError) -> String in
            block.value.stringValue ?? block.value["text"]?.stringValue ?? ""
        }.joined()
    }

    /// Values in LangChain's form (messages, documents) turned into runtime values.
    func value(_ node: JSONNode) throws(LoadError) -> Value {
        switch node.value {
        case .array: return .array(try node.array().map { item throws(LoadError) in try value(item) })
        case .object(let object) where object.keys == ["__lc_escaped__"]:
            return try node["__lc_escaped__"].object().isEmpty ? .object([:]) : node.value["__lc_escaped__"]!
        case .object(let object) where !Self.isSerialized(node.value):
            var result = ValueObject()
            for key in object.keys { result[key] = try value(node[key]) }
            return .object(result)
        case .object:
            let (className, kwargs, _) = try constructor(node)
            if className == "ChatPromptValue" {
                let messages = try kwargs.required("messages", for: className).array().map { item throws(LoadError) in
                    let (name, itemKwargs, _) = try constructor(item)
                    return try message(name, itemKwargs)
                }
                return .promptValue(.chat(messages))
            }
            if className == "StringPromptValue" {
                return .promptValue(.string(try kwargs.required("text", for: className).string()))
            }
            if className == "Document" {
                return .document(Document(
                    pageContent: try kwargs.required("page_content", for: "Document").string(),
                    metadata: kwargs.has("metadata") ? try kwargs["metadata"].object() : [:]))
            }
            return .message(try message(className, kwargs))
        default: return node.value
        }
    }
}

import Foundation
