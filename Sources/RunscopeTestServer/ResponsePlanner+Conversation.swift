import RunscopeCore

/// Why a request cannot be answered from its conversation (sent back as an HTTP 400).
struct ConversationProblem: Error {
    var message: String
}

extension ResponsePlanner {
    /// The script of the conversation turn a request has reached; `nil` when its
    /// scenario names no conversation.
    func conversationScript(_ request: RecordedRequest, scenario: Scenario) -> Result<StreamScript, ConversationProblem>? {
        guard let name = scenario.conversation else { return nil }
        guard let conversation = options.conversations.first(where: { $0.key.lowercased() == name })?.value else {
            let known = options.conversations.keys.sorted().joined(separator: ", ")
            return .failure(ConversationProblem(message: "runscope-test-server has no conversation named \(name) (known: \(known))"))
        }
        let assistantMessages = Self.assistantMessages(request.json)
        guard let turn = conversation.turn(after: assistantMessages) else {
            let message = "conversation \(conversation.name) has \(conversation.turns.count) turns; "
                + "this request holds \(assistantMessages) assistant messages, so it asks for turn \(assistantMessages + 1)"
            return .failure(ConversationProblem(message: message))
        }
        var script = StreamScript(
            model: request.model ?? "unknown", tokens: turn.tokens, calls: turn.toolCalls.map(StreamScript.Call.init),
            inputTokens: options.inputTokens, quirks: scenario.quirks,
            includeUsage: request.json?["stream_options"]?["include_usage"]?.boolValue == true)
        script.cachedInputTokens = options.cachedInputTokens
        return .success(script)
    }

    /// How many assistant messages a request body holds (the same field in the three formats).
    static func assistantMessages(_ body: Value?) -> Int {
        body?["messages"]?.arrayValue?.filter { $0["role"]?.stringValue == "assistant" }.count ?? 0
    }
}

extension StreamScript.Call {
    /// A scripted tool call, its arguments' JSON cut into three pieces (one chunk each).
    init(_ call: ToolCall) {
        let text = Array(Value.object(call.args).compactJSON())
        let size = max(1, (text.count + 2) / 3)
        let pieces = stride(from: 0, to: text.count, by: size).map { String(text[$0..<min($0 + size, text.count)]) }
        self.init(id: call.id ?? "call_\(call.name)", name: call.name, pieces: pieces, arguments: .object(call.args))
    }
}
