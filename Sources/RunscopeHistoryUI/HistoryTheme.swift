import TerminalUI

/// The history screens' styles (the inspector's palette).
enum HistoryTheme {
    static let header = Style(reverse: true)
    static let headerTitle = Style(bold: true, reverse: true)
    static let columnTitles = Style(fg: .cyan, bold: true)
    static let dim = Style(fg: .grey)
    static let prompt = Style(fg: .yellow, bold: true)
    static let error = Style(fg: .red, bold: true)
    static let mark = Style(fg: .yellow, bold: true)
    static let selection = Style(fg: .default, bg: .default, reverse: true)
    static let border = Style(fg: .cyan, bold: true)
    static let removed = Style(fg: .red, bold: true)
    static let added = Style(fg: .green, bold: true)
    static let label = Style(fg: .cyan)

    /// A screen of `width` × `height` that says it is too small, or nil when it is at least `minimum`.
    static func tooSmall(width: Int, height: Int, minimum: (width: Int, height: Int)) -> Buffer? {
        guard width < minimum.width || height < minimum.height else { return nil }
        var buffer = Buffer(width: width, height: height)
        buffer.put("Terminal too small (q quits)", x: 0, y: 0, maxWidth: width, style: error)
        return buffer
    }

    /// The colour of a status word.
    static func status(_ status: String) -> Style {
        switch status {
        case "ok": return Style(fg: .green)
        case "failed": return Style(fg: .red, bold: true)
        case "cancelled": return Style(fg: .magenta)
        case "running": return Style(fg: .yellow, bold: true)
        case "interrupted": return Style(fg: .blue, bold: true)
        default: return .plain
        }
    }

    /// A one-character mark of a run's status, for the diff's trees.
    static func statusMark(_ status: String) -> Span {
        switch status {
        case "ok": return Span("✓", style: Style(fg: .green))
        case "failed": return Span("✗", style: Style(fg: .red, bold: true))
        case "cancelled": return Span("⊘", style: Style(fg: .magenta))
        case "running": return Span("●", style: Style(fg: .yellow, bold: true))
        case "interrupted": return Span("⏸", style: Style(fg: .blue, bold: true))
        default: return Span("?", style: dim)
        }
    }
}
