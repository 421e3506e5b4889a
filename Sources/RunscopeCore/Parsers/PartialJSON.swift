import Foundation

/// Parses JSON that may be cut off, by closing open strings, arrays and objects
/// (LangChain's `parse_partial_json`), so a streaming parser can show the object
/// as it grows.
enum PartialJSON {
    /// The value of `text`, or of the longest prefix that closes into valid JSON; `nil` if none.
    static func parse(_ text: String) -> Value? {
        if let value = try? JSONParser.parse(text) { return value }
        var chars: [Character] = []
        var stack: [Character] = []
        var inString = false
        var escaped = false
        for c in text {
            var out = c
            if inString {
                if c == "\"" && !escaped { inString = false }
                else if c == "\n" && !escaped { out = "\u{0}" }
                else if c == "\\" { escaped.toggle() }
                else { escaped = false }
            } else if c == "\"" {
                inString = true
                escaped = false
            } else if c == "{" { stack.append("}") }
            else if c == "[" { stack.append("]") }
            else if c == "}" || c == "]" {
                guard stack.last == c else { return nil }
                stack.removeLast()
            }
            chars.append(out)
        }
        if inString {
            if escaped { chars.removeLast() }
            chars.append("\"")
        }
        let closing = String(stack.reversed())
        while !chars.isEmpty {
            let candidate = String(chars).replacingOccurrences(of: "\u{0}", with: "\\n") + closing
            if let value = try? JSONParser.parse(candidate) { return value }
            chars.removeLast()
        }
        return nil
    }

    /// `text` without a surrounding Markdown code fence (```json ... ```).
    static func stripFence(_ text: String) -> String {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.hasPrefix("```") else { return body }
        body.removeFirst(3)
        if let newline = body.firstIndex(of: "\n") { body = String(body[body.index(after: newline)...]) }
        if let end = body.range(of: "```", options: .backwards) { body = String(body[..<end.lowerBound]) }
        return body
    }
}

