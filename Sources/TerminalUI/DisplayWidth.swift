/// Terminal column widths of Unicode scalars, grapheme clusters and strings,
/// following wcwidth/ncurses/tmux conventions.
///
/// - East Asian Wide and Fullwidth scalars (CJK ideographs, Hangul syllables,
///   kana, fullwidth forms, CJK punctuation) and emoji with default emoji
///   presentation (EastAsianWidth=W) are 2 columns.
/// - Nonspacing and enclosing marks (Mn, Me), format characters (Cf: zero width
///   space and joiner, bidi controls, …), variation selectors, and Hangul
///   medial/final jamo are 0 columns. C0/C1 controls and DEL are also 0 here:
///   they must never reach a cell (see ``Sanitizer``).
/// - Everything else, including East Asian Ambiguous characters, is 1 column.
///
/// A grapheme cluster (Swift `Character`) is as wide as its first scalar of
/// non-zero width, clamped to 0...2. Known limits, shared with most terminals'
/// own accounting: ZWJ sequences (👨‍👩‍👧) count as their first emoji (2), skin
/// tone modifiers are absorbed into their base (2), a text-default symbol with
/// VS16 ("❤️") stays 1 although some terminals draw 2, regional-indicator
/// flags ("🇫🇷") count 1, and spacing marks in Indic scripts add nothing to
/// their cluster. Tables: Unicode 17 data with Unicode 15 widths for old
/// symbols (see the recipe in `DisplayWidthTables.swift`).
public enum DisplayWidth {
    /// Columns taken by one scalar: 0, 1 or 2.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        if value < 0x300 { return 1 }
        if contains(DisplayWidthTables.zero, value) { return 0 }
        if value >= 0x1100, contains(DisplayWidthTables.wide, value) { return 2 }
        return 1
    }

    /// Columns taken by one grapheme cluster: the width of its first scalar of
    /// non-zero width, clamped to 0...2.
    public static func of(character: Character) -> Int {
        for scalar in character.unicodeScalars {
            let width = of(scalar: scalar)
            if width > 0 { return width }
        }
        return 0
    }

    /// Columns taken by a string: the sum of its grapheme clusters' widths.
    /// Tabs and controls count 0; sanitize first if the text is untrusted.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        if let ascii = asciiWidth(text) { return ascii }
        var total = 0
        for character in text { total += of(character: character) }
        return total
    }

    /// Fast path: the width of printable ASCII text, or `nil` if the text has
    /// any other byte.
    static func asciiWidth<S: StringProtocol>(_ text: S) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    /// Binary search of `value` in a flat array of sorted inclusive ranges.
    static func contains(_ table: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count / 2 - 1
        if high < 0 || value < table[0] || value > table[table.count - 1] { return false }
        while low <= high {
            let mid = (low + high) / 2
            if value > table[2 * mid + 1] {
                low = mid + 1
            } else if value < table[2 * mid] {
                high = mid - 1
            } else {
                return true
            }
        }
        return false
    }
}
