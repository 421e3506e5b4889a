/// Word wrapping and truncation by display width.
///
/// Wrapping is greedy: lines break at spaces when possible; a word longer
/// than the width is hard-broken (starting on its own line); wide characters
/// (CJK, emoji) may break before and after each cluster, so CJK text without
/// spaces wraps at any cluster boundary (no kinsoku rules). Grapheme clusters
/// are never split. "\n", "\r\n" and lone "\r" end a line; blanks at a wrap
/// point are dropped, leading blanks of a logical line are kept (unless they
/// alone overflow the line). Tabs become spaces to the next multiple of
/// ``Sanitizer/tabWidth`` of the visual line, and unsafe characters get their
/// ``Sanitizer`` stand-ins, so the lines are safe to draw. Trailing blanks are
/// not kept. Widths below 1 count as 1; a wide cluster on a 1-column line
/// stands alone (and ``Buffer/put(_:x:y:maxWidth:style:)`` shows it as a space).
public enum TextWrap {
    /// Wraps `text` into lines of at most `width` columns. "" gives `[""]`,
    /// and a text ending in a newline ends with an empty line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var wrapper = LineWrapper(width: width)
        var lines: [String] = []
        for character in text {
            wrapper.feed(character, into: &lines)
        }
        lines.append(wrapper.pendingLine)
        return lines
    }

    /// Cuts `text` to at most `width` columns; if anything is cut, the end is
    /// replaced by `ellipsis`. Never splits a cluster; when `width` is smaller
    /// than the ellipsis, the text is cut without it.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        let width = max(0, width)
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard ellipsisWidth <= width else { return prefix(text, maxWidth: width) }
        return prefix(text, maxWidth: width - ellipsisWidth) + ellipsis
    }

    /// The longest prefix of whole clusters that is at most `maxWidth` columns.
    public static func prefix(_ text: String, maxWidth: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = DisplayWidth.of(character: text[index])
            if used + width > maxWidth { break }
            used += width
            end = text.index(after: index)
        }
        return String(text[..<end])
    }
}
