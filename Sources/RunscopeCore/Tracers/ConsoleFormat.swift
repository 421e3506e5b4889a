import Foundation

/// The text of console trace lines (LangChain.js's `ConsoleCallbackHandler` format).
enum ConsoleFormat {
    static func color(_ code: String, _ text: String, _ on: Bool) -> String {
        on ? "\u{1B}[\(code)m\(text)\u{1B}[39m" : text
    }

    static func bold(_ text: String, _ on: Bool) -> String {
        on ? "\u{1B}[1m\(text)\u{1B}[22m" : text
    }

    /// Chat models appear as `llm` in breadcrumbs, as in LangChain.
    static func crumbType(_ type: RunType) -> String {
        type == .chatModel ? "llm" : type.rawValue
    }

    /// The grey breadcrumb with its last element bold.
    static func breadcrumbs(_ crumbs: [String], colors: Bool) -> String {
        var parts = crumbs
        if let last = parts.popLast() { parts.append(bold(last, colors)) }
        return color("90", parts.joined(separator: " > "), colors)
    }

    /// An object as-is, anything else as `{key: value}` (JS's `_coerceToDict`).
    static func coerce(_ value: Value, _ key: String) -> Value {
        switch value {
        case .object, .message, .promptValue, .document: return value
        default: return .object([key: value])
        }
    }

    static func json(_ value: Value) -> String { value.jsonString(indent: 2) }

    /// The line for `event`, or `nil` for events the console does not print.
    static func line(_ event: RunEvent, run: RunInfo, crumbs: String, elapsed: TimeInterval?, colors: Bool) -> String? {
        let time = elapsed.map { "[\(DurationText.format($0))] " } ?? ""
        let start = { (kind: String, text: String) in "\(color("32", "[\(kind)/start]", colors)) [\(crumbs)] \(text)" }
        let end = { (kind: String, text: String) in "\(color("36", "[\(kind)/end]", colors)) [\(crumbs)] \(time)\(text)" }
        let failed = { (kind: String, text: String) in "\(color("31", "[\(kind)/error]", colors)) [\(crumbs)] \(time)\(text)" }
        switch event {
        case .chainStart(let inputs): return start("chain", "Entering Chain run with input: \(json(coerce(inputs, "input")))")
        case .chainEnd(let outputs, _): return end("chain", "Exiting Chain run with output: \(json(coerce(outputs, "output")))")
        case .chainError(let error, _): return failed("chain", "Chain run errored with error: \(json(.string(error.description)))")
        case .chatModelStart(let messages):
            let value: Value = ["messages": .array(messages.map { .array($0.map(Value.message)) })]
            return start("llm", "Entering LLM run with input: \(json(value))")
        case .llmStart(let prompts):
            let value: Value = ["prompts": .array(prompts.map { .string($0.trimmingCharacters(in: .whitespacesAndNewlines)) })]
            return start("llm", "Entering LLM run with input: \(json(value))")
        case .llmEnd(let result): return end("llm", "Exiting LLM run with output: \(json(result.serialized()))")
        case .llmError(let error, _): return failed("llm", "LLM run errored with error: \(json(.string(error.description)))")
        case .toolStart(let input, _): return start("tool", "Entering Tool run with input: \"\(input.trimmingCharacters(in: .whitespacesAndNewlines))\"")
        case .toolEnd(let output): return end("tool", "Exiting Tool run with output: \"\(output.text.trimmingCharacters(in: .whitespacesAndNewlines))\"")
        case .toolError(let error): return failed("tool", "Tool run errored with error: \(json(.string(error.description)))")
        case .retrieverStart(let query): return start("retriever", "Entering Retriever run with input: \(json(["query": .string(query)]))")
        case .retrieverEnd(let documents):
            return end("retriever", "Exiting Retriever run with output: \(json(["documents": .array(documents.map(Value.document))]))")
        case .retrieverError(let error): return failed("retriever", "Retriever run errored with error: \(json(.string(error.description)))")
        default: return nil
        }
    }
}
