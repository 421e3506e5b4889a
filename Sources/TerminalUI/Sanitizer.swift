/// Makes untrusted text (model output, user input, names, error messages) safe
/// to draw: no control character or escape sequence can survive it.
///
/// Replacements, each one column wide so the damage stays visible:
/// - ESC (0x1B) → "␛", so `"\u{1B}[31m"` shows as `"␛[31m"`;
/// - the other C0 controls 0x00–0x1F → Control Pictures (U+2400 + code):
///   BEL → "␇", CR → "␍", and in the single-line ``sanitize(_:)`` also
///   LF → "␊";
/// - DEL (0x7F) → "␡";
/// - C1 controls U+0080–U+009F → "�" (U+FFFD);
/// - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
///   → "�", so they can neither reorder the line nor hide. Bidi marks
///   (U+200E, U+200F, U+061C) are kept: they are zero width and cannot
///   override the order of strong characters.
/// - tab → spaces up to the next multiple of ``tabWidth`` columns, counted
///   from the start of the text (of each line for ``sanitizeLines(_:)``).
///
/// Everything else passes through unchanged.
public enum Sanitizer {
    /// Tab stops are every `tabWidth` columns.
    public static let tabWidth = 4

    /// Sanitizes text meant for a single row: newlines become "␊"/"␍".
    public static func sanitize(_ text: String) -> String {
        if isSafe(text) { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        var column = 0
        for character in text {
            append(character, to: &output, column: &column)
        }
        return output
    }

    /// Splits text into lines at "\n", "\r\n" and lone "\r", then sanitizes
    /// each line. "" gives `[""]` and a trailing newline gives a final "".
    public static func sanitizeLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var column = 0
        var clean = true
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                lines.append(current)
                current = ""
                column = 0
                clean = true
            } else if clean, isSafeCharacter(character) {
                current.append(character)
                column += DisplayWidth.of(character: character)
            } else {
                clean = false
                append(character, to: &current, column: &column)
            }
        }
        lines.append(current)
        return lines
    }

    /// Whether `text` contains nothing that ``sanitize(_:)`` would change
    /// (no C0/C1 control, DEL, tab or bidi override). Scans UTF-8 bytes only.
    public static func isSafe<S: StringProtocol>(_ text: S) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return false }
            if previous == 0xC2, byte >= 0x80, byte <= 0x9F { return false }
            if beforePrevious == 0xE2 {
                if previous == 0x80, byte >= 0xAA, byte <= 0xAE { return false }
                if previous == 0x81, byte >= 0xA6, byte <= 0xA9 { return false }
            }
            beforePrevious = previous
            previous = byte
        }
        return true
    }

    /// The visible stand-in for an unsafe scalar, or `nil` if the scalar is
    /// safe to draw as is. Tab is reported as unsafe ("␉"); sanitizing
    /// functions expand it to spaces instead.
    public static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + value)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
        default: return nil
        }
    }

    /// Appends the sanitized form of one grapheme cluster, tracking the column
    /// for tab expansion.
    static func append(_ character: Character, to output: inout String, column: inout Int) {
        if character == "\t" {
            let spaces = tabWidth - column % tabWidth
            output.append(String(repeating: " ", count: spaces))
            column += spaces
            return
        }
        if isSafeCharacter(character) {
            output.append(character)
            column += DisplayWidth.of(character: character)
            return
        }
        for scalar in character.unicodeScalars {
            let visible = replacement(for: scalar) ?? scalar
            output.unicodeScalars.append(visible)
            column += DisplayWidth.of(scalar: visible)
        }
    }

    /// Whether no scalar of the cluster needs replacing.
    static func isSafeCharacter(_ character: Character) -> Bool {
        for scalar in character.unicodeScalars where replacement(for: scalar) != nil {
            return false
        }
        return true
    }
}
