/// A request to scroll the detail pane. The reducer says how far; the view, which alone
/// knows how many lines the pane holds once wrapped, resolves it (``InspectorEffect/scrollPane(_:)``).
public enum PaneScroll: Sendable, Equatable {
    /// By lines: negative up, positive down.
    case lines(Int)
    /// By pages (a page is the pane's height less one line): negative up, positive down.
    case pages(Int)
    /// To the first line (and stop following the end).
    case top
    /// To the end, following the text as it grows.
    case end
}
