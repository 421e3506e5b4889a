import RunscopeInspector
import TerminalUI

/// Where the detail pane is scrolled: the pane's widget state, kept by the app beside the
/// model and handed to the view by `inout`, as ratatui's `StatefulWidget` takes its state.
/// It is the one owner of the scroll position: the reducer asks for a scroll
/// (``InspectorEffect/scrollPane(_:)``) without knowing the pane's lines, the app applies it
/// here, and the view, which alone knows how many lines the wrapped text makes, resolves it
/// when it draws (the offset it drew is kept, so an overshoot never piles up). The model
/// only says when the pane starts over (``InspectorState/paneEpoch``).
public struct PaneViewport: Sendable, Hashable {
    /// The position: an offset, or following the end.
    public private(set) var scroll = TextPaneState()
    /// Content lines of the pane at the last frame.
    public private(set) var lineCount = 0
    /// Visible content rows at the last frame.
    public private(set) var rows = 0
    /// The state's ``InspectorState/paneEpoch`` this position belongs to.
    private var epoch: Int?

    /// A viewport at the start position of whatever the state shows first.
    public init() {}

    /// Starts over at the state's start position if the state's pane started over since.
    mutating func sync(with state: InspectorState) {
        guard epoch != state.paneEpoch else { return }
        epoch = state.paneEpoch
        scroll = TextPaneState(offset: 0, follow: state.paneStartsAtEnd)
    }

    /// Applies the reducer's scroll request against the lines of the last frame.
    public mutating func apply(_ request: PaneScroll, in state: InspectorState) {
        sync(with: state)
        let page = max(1, rows - 1)
        switch request {
        case .lines(let count): scroll.scroll(by: count, lineCount: lineCount, visibleRows: rows)
        case .pages(let count): scroll.scroll(by: count * page, lineCount: lineCount, visibleRows: rows)
        case .top: scroll.scrollToTop()
        case .end: scroll.scrollToEnd()
        }
    }

    /// Records what a frame drew: the lines, the rows and the resolved position.
    mutating func drew(lineCount: Int, rows: Int, scroll: TextPaneState) {
        self.lineCount = lineCount
        self.rows = rows
        self.scroll = scroll
    }
}
