import RunscopeCore

/// Where a run matches a search: its name first, then what it streamed, its input, its
/// output and its error, the order the pane's tabs show them.
public enum SearchMatch: Sendable, Equatable {
    case name, stream, input, output, error

    /// The tab that shows the match (`nil`: the name, in the tree).
    public var tab: PaneTab? {
        switch self {
        case .name: return nil
        case .stream: return .stream
        case .input: return .input
        case .output: return .output
        case .error: return .error
        }
    }
}

extension SearchState {
    /// Where `node` matches the query, or nil (case-insensitive substring, as for names).
    public func match(in node: RunNode) -> SearchMatch? {
        guard !query.isEmpty else { return nil }
        if matches(node.name) { return .name }
        if node.tokenCount > 0, matches(node.text) { return .stream }
        if let inputs = node.inputs, contains(inputs) { return .input }
        if let outputs = node.outputs, contains(outputs) { return .output }
        if let error = node.error, matches(error.type) || matches(error.message) { return .error }
        return nil
    }

    /// Whether the text in `value` contains the query: strings, numbers and the keys of
    /// objects; of a message its content, name and tool calls (not the fields of
    /// LangChain's serialized form, whose `response_metadata` would match "po");
    /// of a document its text and metadata. Stops at the first.
    func contains(_ value: Value) -> Bool {
        switch value {
        case .null, .bool: return false
        case .int(let number): return matches(String(number))
        case .double(let number): return matches(String(number))
        case .string(let text): return matches(text)
        case .array(let items): return items.contains { contains($0) }
        case .object(let object): return contains(object)
        case .message(let message): return contains(message)
        case .promptValue(let prompt): return prompt.toMessages().contains { contains($0) }
        case .document(let document): return matches(document.pageContent) || contains(document.metadata)
        }
    }

    func contains(_ object: ValueObject) -> Bool {
        object.contains { matches($0.key) || contains($0.value) }
    }

    func contains(_ message: Message) -> Bool {
        matches(message.content) || message.name.map(matches) == true
            || message.toolCalls.contains { matches($0.name) || contains($0.args) }
    }
}
