/// A JSON parser that keeps object keys in order, reports errors with line and
/// column, and refuses nesting deeper than a limit instead of overflowing the stack.
public struct JSONParser {
    /// Where and why parsing failed.
    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    /// The deepest nesting accepted.
    public var maxDepth: Int
    private let bytes: [UInt8]
    private var index = 0
    /// Whether a raw control character may stand in a string (Python's `json.loads(strict=False)`).
    private var allowsControlCharacters = false
    /// Whether an error says where it happened: finding the line and column reads the text
    /// up to the error, which the partial parser's many tries need not pay for.
    private var placesErrors = true

    /// Parses `text` as one JSON value (whitespace around it allowed).
    public static func parse(_ text: String, maxDepth: Int = 512) throws(JSONParser.Error) -> Value {
        var parser = JSONParser(bytes: Array(text.utf8), maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses UTF-8 bytes as one JSON value.
    public static func parse(bytes: [UInt8], maxDepth: Int = 512) throws(JSONParser.Error) -> Value {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// The value of `bytes` read as Python's `json.loads(strict=False)` reads it (raw control
    /// characters allowed in strings), or `nil`; the failure's place and message are not made.
    static func lenientValue(of bytes: [UInt8]) -> Value? {
        var parser = JSONParser(bytes: bytes, maxDepth: 512)
        parser.allowsControlCharacters = true
        parser.placesErrors = false
        return try? parser.parseDocument()
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private mutating func parseDocument() throws(JSONParser.Error) -> Value {
        skipWhitespace()
        if index == bytes.count { throw fail("the document is empty", at: index) }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count { throw fail("unexpected \(describe(bytes[index])) after the JSON value", at: index) }
        return value
    }

    private func fail(_ message: @autoclosure () -> String, at offset: Int) -> JSONParser.Error {
        guard placesErrors else { return JSONParser.Error(message: "", line: 0, column: 0) }
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return JSONParser.Error(message: message(), line: line, column: column)
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(JSONParser.Error) -> Value {
        guard index < bytes.count else { throw fail("unexpected end of input", at: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "N"): return try parseLiteral("NaN", .double(.nan))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail("unexpected \(describe(bytes[index])); expected a JSON value", at: index)
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: Value) throws(JSONParser.Error) -> Value {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            throw fail("invalid literal; expected \(word)", at: index)
        }
        index += utf8.count
        return value
    }

    private mutating func parseObject(depth: Int) throws(JSONParser.Error) -> Value {
        if depth > maxDepth { throw fail("nesting is deeper than \(maxDepth) levels", at: index) }
        index += 1
        var object = ValueObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fail(index < bytes.count ? "expected a string key" : "unexpected end of input in an object", at: index)
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after a key", at: index) }
            index += 1
            skipWhitespace()
            object[key] = try parseValue(depth: depth)
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input in an object", at: index) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
            throw fail("expected ',' or '}' in an object", at: index)
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParser.Error) -> Value {
        if depth > maxDepth { throw fail("nesting is deeper than \(maxDepth) levels", at: index) }
        index += 1
        var items: [Value] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input in an array", at: index) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw fail("expected ',' or ']' in an array", at: index)
        }
    }

    private mutating func parseNumber() throws(JSONParser.Error) -> Value {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count {
            let b = bytes[index]
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { index += 1; continue }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || b == UInt8(ascii: "+")
                || (b == UInt8(ascii: "-") && index > start)
            {
                isInteger = false
                index += 1
                continue
            }
            break
        }
        if isInteger, let i = integer(start..<index) { return .int(i) }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let i = Int(text) { return .int(i) }
        if let d = Double(text), text.last?.isNumber == true {
            // 1e400 would be Infinity, which JSON cannot write back.
            guard d.isFinite else { throw fail("number '\(text)' is out of range", at: start) }
            return .double(d)
        }
        throw fail("invalid number '\(text)'", at: start)
    }

    /// The integer of up to 18 digits (and a sign) in `range`, read without making a string.
    private func integer(_ range: Range<Int>) -> Int? {
        var digits = range
        let negative = bytes[range.lowerBound] == UInt8(ascii: "-")
        if negative { digits = (range.lowerBound + 1)..<range.upperBound }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for i in digits { value = value * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
        return negative ? -value : value
    }

    private mutating func parseString() throws(JSONParser.Error) -> String {
        let start = index
        index += 1
        // Most strings have no escapes: find the closing quote and decode the bytes once.
        var end = index
        while end < bytes.count {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                index = end + 1
                return text
            }
            if b == UInt8(ascii: "\\") || (b < 0x20 && !allowsControlCharacters) { break }
            end += 1
        }
        var out = Array(bytes[index..<end])
        index = end
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                try parseEscape(into: &out)
                continue
            }
            if b < 0x20 && !allowsControlCharacters { throw fail("control character in a string (escape it)", at: index) }
            out.append(b)
            index += 1
        }
        throw fail("unterminated string", at: start)
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(JSONParser.Error) {
        guard index + 1 < bytes.count else { throw fail("unterminated escape", at: index) }
        let c = bytes[index + 1]
        index += 2
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"): try parseUnicodeEscape(into: &out)
        default:
            // A byte that is not printable is named, not copied: the message stays one line.
            let escape = c >= 0x21 && c < 0x7F ? "'\\\(Character(Unicode.Scalar(c)))'" : "of \(describe(c))"
            throw fail("invalid escape \(escape)", at: index - 2)
        }
    }

    private mutating func parseUnicodeEscape(into out: inout [UInt8]) throws(JSONParser.Error) {
        var code = try readHex4()
        if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            index += 2
            let low = try readHex4()
            if (0xDC00..<0xE000).contains(low) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
                out.append(contentsOf: Array("\u{FFFD}".utf8))
                code = low
            }
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(scalar).utf8))
    }

    private mutating func readHex4() throws(JSONParser.Error) -> UInt32 {
        guard index + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw fail("invalid \\u escape", at: index) }
        index += 4
        return code
    }
}
