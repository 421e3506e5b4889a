/// Python's `repr`, which LangChain uses for a tool's `input_str`.
extension Value {
    /// The value as Python would print it (`{'a': 1, 'b': True}`).
    public var pythonRepr: String {
        switch self {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return JSONWriter.number(d)
        case .string(let s): return Self.pythonString(s)
        case .array(let items): return "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.map { "\(Self.pythonString($0.key)): \($0.value.pythonRepr)" }.joined(separator: ", ") + "}"
        case .message(let m): return "\(m.className)(content=\(Self.pythonString(m.content)))"
        case .promptValue(let p): return Self.pythonString(p.toString())
        case .document(let d): return "Document(page_content=\(Self.pythonString(d.pageContent)))"
        }
    }

    /// A Python string literal: single quotes unless the text has one and no double quote.
    static func pythonString(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case quote: out += "\\\(quote)"
            default: out.append(c)
            }
        }
        out.append(quote)
        return out
    }
}
