import Foundation
import RunscopeHistory
import RunscopeInspector

/// Everything that can change the history screen.
public enum HistoryListAction: Sendable {
    /// The screen opens: asks for the first page.
    case start
    case key(Key)
    /// A click or a wheel step (where the terminal reports the mouse).
    case mouse(MouseInput)
    case resize(width: Int, height: Int)
    /// A page came (for the query of `generation`), read at `now`.
    case loaded(generation: Int, traces: [TraceSummary], now: Date)
    /// A page above the loaded ones came (newest first), after the top was dropped.
    case loadedNewer(generation: Int, traces: [TraceSummary], now: Date)
    /// A page could not be read.
    case failed(String)
    /// A line for the bottom row from the app.
    case notice(String)
    /// The history changed (another connection wrote to it): the first page is read again
    /// with the same trace selected, if the screen is at the top and no prompt is open.
    case historyChanged
}

/// What the history screen asks its app to do.
public enum HistoryListEffect: Sendable, Equatable {
    /// Fetch a page and send it back as ``HistoryListAction/loaded(generation:traces:now:)``.
    case load(HistoryQuery)
    /// Open the trace in the inspector, as `runscope show` does; come back here after.
    case open(TraceSummary)
    /// Open the diff split view of the two marked traces (A, B).
    case compare(TraceSummary, TraceSummary)
    case quit
}
