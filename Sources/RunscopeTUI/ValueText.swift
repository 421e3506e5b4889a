import RunscopeCore

/// Values as readable text for the Input and Output tabs: strings as they are,
/// messages as "Role: content", prompt values as their messages, documents as
/// their text, anything else as indented JSON.
enum ValueText {
    static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): return text
        case .message(let message): return render(message)
        case .promptValue(let prompt): return prompt.toMessages().map(render).joined(separator: "\n")
        case .document(let document): return render(document)
        case .array(let items) where items.allSatisfy(isReadable):
            return items.map(render).joined(separator: "\n")
        default: return value.jsonString(indent: 2)
        }
    }

    private static func isReadable(_ value: Value) -> Bool {
        switch value {
        case .message, .promptValue, .document: return true
        case .array(let items): return !items.isEmpty && items.allSatisfy(isReadable)
        default: return false
        }
    }

    private static func render(_ message: Message) -> String {
        var text = "\(message.bufferPrefix): \(message.content)"
        for call in message.toolCalls { text += "\n  tool call \(call.name)(\(Value.object(call.args).compactJSON()))" }
        return text
    }

    private static func render(_ document: Document) -> String {
        let metadata = document.metadata.isEmpty ? "" : "\n  " + Value.object(document.metadata).compactJSON()
        return "• " + document.pageContent + metadata
    }
}
