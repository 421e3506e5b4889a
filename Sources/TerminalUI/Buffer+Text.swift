extension Buffer {
    /// Writes `text` on row `y` from column `x`, grapheme by grapheme by display
    /// width, in `style` (replacing the cells' styles), and returns the number
    /// of columns used.
    ///
    /// Callers should sanitize untrusted text first, but `put` never writes a
    /// control character: unsafe text is passed through ``Sanitizer/sanitize(_:)``
    /// (tab stops are then counted from `x`). Zero-width clusters are skipped.
    /// Writing stops at `x + maxWidth` or the right edge; a wide character that
    /// would straddle that limit is replaced by a space (counted as used).
    /// Nothing is written if (x, y) is outside the buffer.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard contains(x: x, y: y) else { return 0 }
        let limit = x + min(max(0, maxWidth ?? width), width - x)
        let safe = Sanitizer.isSafe(text) ? text : Sanitizer.sanitize(text)
        var column = x
        for character in safe {
            let characterWidth = DisplayWidth.of(character: character)
            if characterWidth == 0 { continue }
            if column + characterWidth > limit {
                if column < limit {
                    write(.space(style), x: column, y: y)
                    column += 1
                }
                break
            }
            write(Cell(trusted: String(character), width: characterWidth, style: style), x: column, y: y)
            column += characterWidth
        }
        return column - x
    }

    /// Like ``put(_:x:y:maxWidth:style:)`` but, when the text is wider than the
    /// space, cuts it and ends it with `ellipsis` ("…" by default).
    @discardableResult
    public mutating func putClipped(
        _ text: String, x: Int, y: Int, maxWidth: Int? = nil,
        style: Style = .plain, ellipsis: String = "…"
    ) -> Int {
        guard contains(x: x, y: y) else { return 0 }
        let limit = min(max(0, maxWidth ?? width), width - x)
        let safe = Sanitizer.isSafe(text) ? text : Sanitizer.sanitize(text)
        let cut = TextWrap.truncate(safe, toWidth: limit, ellipsis: ellipsis)
        return put(cut, x: x, y: y, maxWidth: limit, style: style)
    }

    /// Writes spans one after another from (x, y) within `maxWidth` columns;
    /// with an `ellipsis`, overflowing content is cut and ends with it.
    /// Returns the columns used.
    @discardableResult
    public mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int? = nil, ellipsis: String? = nil) -> Int {
        guard contains(x: x, y: y) else { return 0 }
        let limit = min(max(0, maxWidth ?? width), width - x)
        let visible = ellipsis.map { Span.truncate(spans, toWidth: limit, ellipsis: $0) } ?? spans
        var used = 0
        for span in visible where used < limit {
            used += put(span.text, x: x + used, y: y, maxWidth: limit - used, style: span.style)
        }
        return used
    }
}
