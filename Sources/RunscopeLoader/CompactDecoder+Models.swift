import RunscopeCore

/// Chat models of the compact format: `{"model": "scripted" | "fake-list" | "openai" | "anthropic" | "ollama", ...}`.
extension CompactDecoder {
    static let scriptedKeys: Set<String> = ["responses", "messages", "token_delay", "error", "error_after", "streaming", "tools"]

    func model(_ node: JSONNode) throws(LoadError) -> any Runnable {
        let kind = try node["model"].string()
        let model: any ChatModel
        switch kind {
        case "scripted":
            checkKeys(node, Self.scriptedKeys, kind: "model")
            model = try scripted(node)
        case "fake-list":
            checkKeys(node, Self.scriptedKeys.union(["sleep"]), kind: "model")
            model = try fakeList(node)
        default:
            guard let provider = try provider(kind, node) else {
                let names = (["scripted", "fake-list"] + Self.providerKinds).joined(separator: ", ")
                throw node["model"].error("unknown model '\(kind)' (expected one of: \(names))")
            }
            model = provider
        }
        guard node.has("tools") else { return model }
        return model.bindTools(try node["tools"].array().map { item throws(LoadError) in try tool(item) })
    }

    private func scripted(_ node: JSONNode) throws(LoadError) -> GenericFakeChatModel {
        let decoder = LangChainDecoder(context: context)
        var messages: [Message] = []
        var failures: [Int: ScriptedFailure] = [:]
        if node.has("messages") {
            (messages, failures) = try decoder.scriptedTurns(node["messages"])
        } else {
            messages = try node.required("responses", for: "a scripted model").strings().map { .ai($0) }
        }
        let settings = try decoder.scriptedSettings(node, defaultDelay: 0.03)
        var model = GenericFakeChatModel(messages: messages, tokenDelay: settings.delay, error: settings.error,
                                         errorAfter: settings.errorAfter, streaming: settings.streaming)
        model.turnFailures = failures
        return model
    }

    private func fakeList(_ node: JSONNode) throws(LoadError) -> FakeListChatModel {
        let decoder = LangChainDecoder(context: context)
        var settings = try decoder.scriptedSettings(node, defaultDelay: 0.03)
        if let sleep = try node.optionalNumber("sleep") { settings.delay = sleep }
        return FakeListChatModel(
            responses: try node.required("responses", for: "a fake-list model").strings(), tokenDelay: settings.delay,
            error: settings.error, errorAfter: settings.errorAfter, streaming: settings.streaming)
    }
}
