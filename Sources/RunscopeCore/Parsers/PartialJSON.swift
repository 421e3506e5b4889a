import Foundation

/// Parses JSON that may be cut off, by closing open strings, arrays and objects
/// (LangChain's `parse_partial_json`), so a streaming parser can show the object
/// as it grows.
enum PartialJSON {
    /// The value of `text`, or of the longest prefix that closes into valid JSON; `nil` if none.
    ///
    /// As LangChain does, it reads `text` one code point at a time, keeping which strings,
    /// arrays and objects are open (a raw newline in a string is written `\\n`), closes
    /// them, and drops one code point from the end until the text parses. The text is kept
    /// as UTF-8 with where each code point starts, so a try costs one parse and no copy.
    static func parse(_ text: String) -> Value? {
        let bytes = Array(text.utf8)
        if let value = JSONParser.lenientValue(of: bytes) { return value }
        guard var scan = Scan(bytes) else { return nil }
        return scan.longestClosingPrefix()
    }

    /// The text as the closing pass leaves it: its UTF-8, where each code point starts in
    /// it, and what closes the strings, arrays and objects left open.
    private struct Scan {
        var out: [UInt8] = []
        var starts: [Int] = []
        var closing: [UInt8] = []

        /// Scans `bytes`; `nil` if a `}` or `]` closes what is not open.
        init?(_ bytes: [UInt8]) {
            out.reserveCapacity(bytes.count + 2)
            starts.reserveCapacity(bytes.count)
            var stack: [UInt8] = []
            var inString = false
            var escaped = false
            for b in bytes {
                // A continuation byte belongs to the code point before it; structure is ASCII.
                if b & 0xC0 == 0x80 { out.append(b); continue }
                starts.append(out.count)
                if inString {
                    if b == UInt8(ascii: "\"") && !escaped { inString = false }
                    else if b == UInt8(ascii: "\n") && !escaped { out.append(contentsOf: [0x5C, UInt8(ascii: "n")]); continue }
                    else if b == UInt8(ascii: "\\") { escaped.toggle() }
                    else { escaped = false }
                } else if b == UInt8(ascii: "\"") {
                    inString = true
                    escaped = false
                } else if b == UInt8(ascii: "{") { stack.append(UInt8(ascii: "}")) }
                else if b == UInt8(ascii: "[") { stack.append(UInt8(ascii: "]")) }
                else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    guard stack.last == b else { return nil }
                    stack.removeLast()
                }
                out.append(b)
            }
            if inString {
                if escaped { dropLast() }
                starts.append(out.count)
                out.append(UInt8(ascii: "\""))
            }
            closing = stack.reversed()
        }

        /// Drops the last code point.
        mutating func dropLast() {
            out.removeSubrange(starts.removeLast()...)
        }

        /// The value of the longest prefix that parses once closed.
        mutating func longestClosingPrefix() -> Value? {
            while !starts.isEmpty {
                let length = out.count
                out.append(contentsOf: closing)
                if let value = JSONParser.lenientValue(of: out) { return value }
                out.removeSubrange(length...)
                dropLast()
            }
            return nil
        }
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

