/// JSON text output, formatted as Python's `json.dumps(..., ensure_ascii=False)`.
extension Value {
    /// This value as JSON text: compact (`{"a": 1}`, Python's separators) or
    /// indented by `indent` spaces (as `json.dumps(indent=2)`).
    public func jsonString(indent: Int? = nil) -> String {
        var out = ""
        JSONWriter(indent: indent, compactSeparators: false).write(serialized(), into: &out, level: 0)
        return out
    }

    /// Minimal JSON text with no spaces (`{"a":1}`), as used for JSON Lines.
    public func compactJSON() -> String {
        var out = ""
        JSONWriter(indent: nil, compactSeparators: true).write(serialized(), into: &out, level: 0)
        return out
    }
}

/// Writes serialized values as JSON text.
struct JSONWriter {
    let indent: Int?
    let compactSeparators: Bool

    func write(_ value: Value, into out: inout String, level: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += Self.number(d)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items): writeArray(items, into: &out, level: level)
        case .object(let object): writeObject(object, into: &out, level: level)
        case .message, .promptValue, .document: write(value.serialized(), into: &out, level: level)
        }
    }

    private func newline(_ out: inout String, level: Int) {
        guard let indent else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }

    private func writeArray(_ items: [Value], into out: inout String, level: Int) {
        if items.isEmpty { out += "[]"; return }
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += (indent == nil && !compactSeparators) ? ", " : "," }
            newline(&out, level: level + 1)
            write(item, into: &out, level: level + 1)
        }
        newline(&out, level: level)
        out += "]"
    }

    private func writeObject(_ object: ValueObject, into out: inout String, level: Int) {
        if object.isEmpty { out += "{}"; return }
        out += "{"
        var first = true
        for (key, value) in object {
            if !first { out += (indent == nil && !compactSeparators) ? ", " : "," }
            first = false
            newline(&out, level: level + 1)
            Self.writeString(key, into: &out)
            out += compactSeparators ? ":" : ": "
            write(value, into: &out, level: level + 1)
        }
        newline(&out, level: level)
        out += "}"
    }

    /// A double as Python prints it (`1.0`, `0.5`, `NaN`, `Infinity`).
    static func number(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        return "\(d)"
    }

    /// A JSON string literal; only `"`, `\` and control characters are escaped.
    static func writeString(_ s: String, into out: inout String) {
        JSONString.append(s, to: &out)
    }
}
