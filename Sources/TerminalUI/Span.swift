/// A run of text drawn in one style; a row of a widget is a `[Span]`.
public struct Span: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The text; sanitized again defensively when drawn.
    public var text: String
    /// The style the text is drawn in.
    public var style: Style

    /// Creates a span.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Creates a plain span from a literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Display width of the span's (sanitized) text.
    public var width: Int { DisplayWidth.of(Sanitizer.sanitize(text)) }

    /// Cuts spans to at most `width` columns, ending with `ellipsis` (in the
    /// style of the span it replaces) when anything was cut.
    public static func truncate(_ spans: [Span], toWidth width: Int, ellipsis: String = "…") -> [Span] {
        let safe = spans.map { Span(Sanitizer.sanitize($0.text), style: $0.style) }
        let total = safe.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if total <= width { return safe }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard width >= ellipsisWidth else { return [] }
        var budget = width - ellipsisWidth
        var result: [Span] = []
        for span in safe {
            let spanWidth = DisplayWidth.of(span.text)
            if spanWidth <= budget {
                result.append(span)
                budget -= spanWidth
                continue
            }
            let cut = TextWrap.prefix(span.text, maxWidth: budget)
            if !cut.isEmpty { result.append(Span(cut, style: span.style)) }
            result.append(Span(ellipsis, style: span.style))
            return result
        }
        return result
    }
}
