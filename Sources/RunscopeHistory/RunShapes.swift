import Foundation
import RunscopeCore

/// How runs' inputs and outputs are kept (the tracer's shapes, `TraceShapes`), and their
/// plain text for search and diffs.
enum RunShapes {
    /// The inputs a start event carries (as the tracer keeps them).
    static func inputs(_ event: RunEvent) -> Value { TraceShapes.inputs(event) }

    /// The outputs an end event carries (as the tracer keeps them).
    static func outputs(_ event: RunEvent) -> Value? { TraceShapes.outputs(event) }

    /// The output as text a person reads: the generated text, a string output, else compact JSON.
    static func outputText(_ event: RunEvent) -> String? {
        switch event {
        case .llmEnd(let result): return result.generations.flatMap { $0.map(\.text) }.joined(separator: "\n")
        case .chainEnd(let outputs, _): return text(outputs)
        case .toolEnd(let output): return text(output)
        case .retrieverEnd(let documents): return documents.map(\.pageContent).joined(separator: "\n")
        default: return nil
        }
    }

    /// A value as text: strings as they are, messages by their content, a conversation as
    /// its lines, others as compact JSON.
    static func text(_ value: Value) -> String {
        switch value {
        case .string(let text): return text
        case .message(let message): return message.content
        case .array(let items) where !items.isEmpty && items.allSatisfy({ $0.messageValue != nil }):
            // A conversation (an agent's messages): one `Role: text` line per message.
            return bufferString(items.compactMap(\.messageValue))
        case .object(let object) where object.count == 1:
            return object.values.first.map(text) ?? ""
        default: return value.serialized().compactJSON()
        }
    }

    /// Every string inside a value, joined by spaces (what full-text search sees).
    static func searchText(_ value: Value?) -> String {
        guard let value else { return "" }
        var parts: [String] = []
        collect(value, into: &parts)
        return parts.joined(separator: " ")
    }

    private static func collect(_ value: Value, into parts: inout [String]) {
        switch value {
        case .string(let text): parts.append(text)
        case .array(let items): for item in items { collect(item, into: &parts) }
        case .object(let object): for (_, item) in object { collect(item, into: &parts) }
        case .message(let message): parts.append(message.content)
        case .document(let document): parts.append(document.pageContent)
        case .promptValue: collect(value.serialized(), into: &parts)
        case .null, .bool, .int, .double: return
        }
    }
}
