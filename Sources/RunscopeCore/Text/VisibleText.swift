/// Text made safe to quote inside a one-line message: control characters are written as
/// escapes (`\n`, `\r`, `\t`, `\u{1B}`), so a message stays one line and sends nothing
/// to the terminal (the fuzz target `chain-file` found names holding newlines).
public enum VisibleText {
    /// `text` with its control characters written as escapes; other text as it is.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
