import TerminalUI

/// Wraps styled text to a width, character by character (a word diff's pieces keep their
/// styles across line ends); newlines start a new line; control characters are made visible.
enum SpanWrap {
    /// The lines of `spans` at most `width` columns wide; past `maxLines` the rest is left
    /// out and a last line says so (a huge output costs a frame no more than a long one).
    static func wrap(_ spans: [Span], width: Int, maxLines: Int = 400) -> [[Span]] {
        let width = max(1, width)
        var lines: [[Span]] = [[]]
        var used = 0
        for span in spans {
            for (index, segment) in span.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 {
                    if lines.count >= maxLines { return lines + [cutNote(maxLines)] }
                    lines.append([])
                    used = 0
                }
                var current = ""
                // Only what can still be shown is sanitized and measured.
                let room = (maxLines - lines.count + 1) * width + 1
                let head = segment.prefix(room)
                for character in Sanitizer.sanitize(String(head)) {
                    let size = DisplayWidth.of(character: character)
                    if used + size > width, lines.count >= maxLines {
                        lines[lines.count - 1].append(Span(current, style: span.style))
                        return lines + [cutNote(maxLines)]
                    }
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
                if head.endIndex != segment.endIndex { return lines + [cutNote(maxLines)] }
            }
        }
        return lines
    }

    private static func cutNote(_ maxLines: Int) -> [Span] {
        [Span("… (cut: longer than \(maxLines) lines)", style: Style(fg: .grey))]
    }
}
