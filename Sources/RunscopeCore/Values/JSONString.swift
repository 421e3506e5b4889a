/// A string as a JSON string literal, appended to a text being built: quoted and
/// escaped exactly as `Value.compactJSON()` writes it. A string with nothing to escape
/// (the common case: a model's token) is copied in one piece.
public enum JSONString {
    /// Appends `text` quoted and escaped to `out`.
    public static func append(_ text: String, to out: inout String) {
        out += "\""
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) {
            out += text
        } else {
            appendEscaped(text, to: &out)
        }
        out += "\""
    }

    /// The escaping itself, one code point at a time.
    private static func appendEscaped(_ text: String, to out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
