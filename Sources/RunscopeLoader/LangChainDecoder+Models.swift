import RunscopeCore

/// The scripted chat models, with LangChain's kwarg spellings.
extension LangChainDecoder {
    static let scriptedKwargs: Set<String> = [
        "token_delay", "error", "error_after", "streaming", "tags", "metadata", "name", "cache", "verbose", "callbacks",
        "disable_streaming", "rate_limiter", "output_version",
    ]

    func genericFakeChatModel(_ kwargs: JSONNode, name: String?) throws(LoadError) -> any Runnable {
        kwargs.warnUnknown(Self.scriptedKwargs.union(["messages"]), in: "GenericFakeChatModel kwarg")
        let (messages, failures) = try scriptedTurns(kwargs.required("messages", for: "GenericFakeChatModel"))
        let settings = try scriptedSettings(kwargs, defaultDelay: 0.03)
        var model = GenericFakeChatModel(
            messages: messages, tokenDelay: settings.delay, error: settings.error, errorAfter: settings.errorAfter,
            streaming: settings.streaming, tags: settings.tags, metadata: settings.metadata,
            name: try kwargs.optionalString("name") ?? name ?? "GenericFakeChatModel")
        model.turnFailures = failures
        return model
    }

    func fakeListChatModel(_ kwargs: JSONNode, name: String?) throws(LoadError) -> any Runnable {
        kwargs.warnUnknown(Self.scriptedKwargs.union(["responses", "sleep", "i", "error_on_chunk_number"]), in: "FakeListChatModel kwarg")
        let responses = try kwargs.required("responses", for: "FakeListChatModel").strings()
        var settings = try scriptedSettings(kwargs, defaultDelay: 0.03)
        if let sleep = try kwargs.optionalNumber("sleep") { settings.delay = sleep }
        return FakeListChatModel(
            responses: responses, tokenDelay: settings.delay, error: settings.error, errorAfter: settings.errorAfter,
            streaming: settings.streaming, tags: settings.tags, metadata: settings.metadata,
            name: try kwargs.optionalString("name") ?? name ?? "FakeListChatModel")
    }

    struct ScriptedSettings {
        var delay: Double
        var error: String?
        var errorAfter: Int?
        var streaming: Bool
        var tags: [String]
        var metadata: ValueObject
    }

    func scriptedSettings(_ kwargs: JSONNode, defaultDelay: Double) throws(LoadError) -> ScriptedSettings {
        let delay = try kwargs.optionalNumber("token_delay") ?? defaultDelay
        guard delay >= 0, delay <= 60 else { throw kwargs["token_delay"].expected("a number of seconds from 0 to 60") }
        let errorAfter = try kwargs.optionalInt("error_after")
        if let errorAfter, errorAfter < 0 { throw kwargs["error_after"].expected("a count of tokens (0 or more)") }
        return ScriptedSettings(
            delay: delay, error: try kwargs.optionalString("error"), errorAfter: errorAfter,
            streaming: try kwargs.optionalBool("streaming") ?? false, tags: try kwargs.optionalStrings("tags") ?? [],
            metadata: kwargs.has("metadata") ? try kwargs["metadata"].object() : [:])
    }

    /// The answers of a scripted model and the failures scripted for some turns.
    func scriptedTurns(_ node: JSONNode) throws(LoadError) -> ([Message], [Int: ScriptedFailure]) {
        var messages: [Message] = []
        var failures: [Int: ScriptedFailure] = [:]
        for (index, item) in try node.array().enumerated() {
            messages.append(try scriptedMessage(item))
            if let error = try item.value.objectValue == nil ? nil : item.optionalString("error") {
                let after = try item.optionalInt("error_after") ?? 0
                failures[index] = ScriptedFailure(message: error, after: after)
            }
        }
        return (messages, failures)
    }

    /// An answer: a string, an AI message entry, or `{"content", "tool_calls", "error", "error_after"}`.
    func scriptedMessage(_ node: JSONNode) throws(LoadError) -> Message {
        if let text = node.value.stringValue { return .ai(text) }
        if Self.isSerialized(node.value) {
            let (className, kwargs, _) = try constructor(node)
            return try message(className, kwargs)
        }
        node.warnUnknown(["content", "tool_calls", "id", "error", "error_after"], in: "message key")
        var message = Message.ai(try node.optionalString("content") ?? "")
        if node.has("tool_calls") {
            for (index, call) in try node["tool_calls"].array().enumerated() {
                message.toolCalls.append(try scriptedToolCall(call, index: index))
            }
        }
        return message
    }

    /// `{"name", "args", "id"?}`; a missing id becomes `call_<n>`.
    func scriptedToolCall(_ node: JSONNode, index: Int) throws(LoadError) -> ToolCall {
        node.warnUnknown(["name", "args", "id", "type"], in: "tool call key")
        return ToolCall(
            name: try node.required("name", for: "a tool call").string(),
            args: node.has("args") ? try node["args"].object() : [:],
            id: try node.optionalString("id") ?? "call_\(index + 1)")
    }
}
