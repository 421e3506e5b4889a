import RunscopeInspector
import TerminalUI

/// The inspector's styles and status marks.
enum Theme {
    static let header = Style(reverse: true)
    static let headerTitle = Style(bold: true, reverse: true)
    static let border = Style(fg: .grey)
    static let focusedBorder = Style(fg: .cyan, bold: true)
    static let dim = Style(fg: .grey)
    static let label = Style(fg: .cyan)
    /// Dollar amounts.
    static let cost = Style(fg: .green)
    static let sectionTitle = Style(fg: .cyan, bold: true)
    static let error = Style(fg: .red, bold: true)
    static let keyBar = Style.plain
    static let prompt = Style(fg: .yellow, bold: true)
    /// The search query where the pane's text contains it (works without colours too).
    static let searchMatch = Style(fg: .yellow, bold: true, reverse: true)
    /// The selected row: reverse video over the terminal's default colours, so coloured spans do not bleed.
    static let selection = Style(fg: .default, bg: .default, reverse: true)
    /// The selected row while the pane has focus.
    static let unfocusedSelection = Style(fg: .default, bg: .default, bold: true, underline: true)
    static let spinner: [String] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The mark of a run's status.
    static func mark(_ status: RunStatus) -> Span {
        switch status {
        case .waiting: return Span("◌", style: Style(fg: .grey))
        case .running: return Span("●", style: Style(fg: .yellow, bold: true))
        case .succeeded: return Span("✓", style: Style(fg: .green))
        case .failed: return Span("✗", style: Style(fg: .red, bold: true))
        case .cancelled: return Span("⊘", style: Style(fg: .magenta))
        case .handledError: return Span("⚠", style: handledError)
        case .interrupted: return Span("⏸", style: Style(fg: .blue, bold: true))
        case .routed: return Span("↪", style: Style(fg: .cyan))
        }
    }

    /// A handled tool error: neither a success nor a failure.
    static let handledError = Style(fg: .yellow)
    /// Role lines of the Messages tab.
    static let systemRole = Style(fg: .grey, bold: true)
    static let humanRole = Style(fg: .blue, bold: true)
    static let aiRole = Style(fg: .green, bold: true)
    static let toolRole = Style(fg: .magenta, bold: true)
    static let toolErrorRole = Style(fg: .yellow, bold: true)

    /// A short label of a run type, padded to one width plus a space.
    static func typeLabel(_ type: String) -> String {
        let short: String
        switch type {
        case "chat_model": short = "model"
        case "retriever": short = "retr"
        default: short = type
        }
        return short.padding(toLength: 6, withPad: " ", startingAt: 0) + " "
    }

    /// The chain state as the header shows it.
    static func chainState(_ state: ChainState, spinnerFrame: Int) -> Span {
        switch state {
        case .idle: return Span("starting", style: headerTitle)
        case .running: return Span("\(spinner[spinnerFrame % spinner.count]) running", style: headerTitle)
        case .finished: return Span("✓ finished", style: headerTitle)
        case .failed: return Span("✗ failed", style: headerTitle.foreground(.red))
        case .cancelled: return Span("⊘ cancelled", style: headerTitle)
        case .interrupted: return Span("⏸ interrupted", style: headerTitle)
        }
    }
}
