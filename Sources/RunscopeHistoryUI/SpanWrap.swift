import TerminalUI

/// Wraps styled text to a width, character by character (a word diff's pieces keep their
/// styles across line ends); newlines start a new line; control characters are made visible.
enum SpanWrap {
    /// The lines of `spans` at most `width` columns wide.
    static func wrap(_ spans: [Span], width: Int) -> [[Span]] {
        let width = max(1, width)
        var lines: [[Span]] = [[]]
        var used = 0
        for span in spans {
            for (index, segment) in span.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 {
                    lines.append([])
                    used = 0
                }
                var current = ""
                for character in Sanitizer.sanitize(String(segment)) {
                    let size = DisplayWidth.of(character: character)
                    if used + size > width {
                        if !current.isEmpty { lines[lines.count - 1].append(Span(current, style: span.style)) }
                        lines.append([])
                        current = ""
                        used = 0
                    }
                    current.append(character)
                    used += size
                }
                if !current.isEmpty { lines[lines.count - 1].append(Span(current, style: span.style)) }
            }
        }
        return lines
    }
}
