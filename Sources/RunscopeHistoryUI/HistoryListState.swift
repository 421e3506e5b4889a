import Foundation
import RunscopeHistory
import TerminalUI

/// What the history screen shows: the traces loaded so far (newest first, a page at a
/// time), the search and status filter, the selection, the marks and the prompts.
/// Changed only by ``reduce(_:_:)``; the view draws from it.
public struct HistoryListState: Sendable {
    /// Traces fetched per page.
    public static let pageSize = 100
    /// At most this many traces are kept: scrolling on drops pages at the other end (read again when you come back).
    public static let maxLoaded = 5 * pageSize
    /// Rows that are not the list: the header, the column titles, the bottom row.
    static let chromeRows = 3

    public internal(set) var width: Int
    public internal(set) var height: Int
    /// Where the history lives (shown when it is empty).
    public let location: String
    /// Whether Esc (with no filter to clear) leaves the screen, as when it is over an inspector.
    public let escapeQuits: Bool
    /// The traces loaded so far, newest first.
    public internal(set) var traces: [TraceSummary] = []
    /// Their cells as `runscope runs` prints them.
    public internal(set) var cells: [[String]] = []
    /// Column widths over the header and the loaded rows.
    public internal(set) var widths: [Int] = TraceTable.header.map(\.count)
    public internal(set) var list = ListState()
    /// Traces above the first loaded one that were dropped (0: the list starts at the newest).
    public internal(set) var dropped = 0
    /// No more traces after the last loaded one.
    public internal(set) var exhausted = false
    /// A page has been asked for and not come yet.
    public internal(set) var loading = false
    /// Bumped when the query changes, so a page of an older query is dropped.
    public internal(set) var generation = 0
    /// The full-text search applied, if any.
    public internal(set) var search: String?
    /// The search being typed (the prompt is open while non-nil).
    public internal(set) var draft: String?
    /// Only traces with this status, if set.
    public internal(set) var status: String?
    /// The traces marked for comparison, in the order marked (A, then B).
    public internal(set) var marked: [TraceSummary] = []
    public internal(set) var showsHelp = false
    /// A line for the bottom row until the next key.
    public internal(set) var message: String?
    /// Why the last page could not be read, if it could not.
    public internal(set) var failure: String?
    /// The trace to select again once a refreshed first page comes (``HistoryListAction/historyChanged``).
    public internal(set) var reselect: String?
    /// Bumped on every change (the app redraws when it moved).
    public internal(set) var revision = 0

    /// An empty screen of the given size over the history at `location`; send ``HistoryListAction/start``.
    public init(width: Int, height: Int, location: String, escapeQuits: Bool = false) {
        self.width = width
        self.height = height
        self.location = location
        self.escapeQuits = escapeQuits
    }

    /// Rows the list shows at this size.
    public var visibleRows: Int { max(1, height - Self.chromeRows) }

    /// The selected trace, if any.
    public var selectedTrace: TraceSummary? { list.selected.flatMap { traces.indices.contains($0) ? traces[$0] : nil } }

    /// `A` or `B` for a marked trace, else nil.
    public func mark(of trace: TraceSummary) -> String? {
        marked.firstIndex { $0.id == trace.id }.map { $0 == 0 ? "A" : "B" }
    }

    /// The query of the next page (after the last loaded trace).
    var nextQuery: HistoryQuery {
        HistoryQuery(generation: generation, search: search, status: status, after: traces.last, limit: Self.pageSize)
    }

    /// The query of the page above the first loaded trace.
    var previousQuery: HistoryQuery {
        HistoryQuery(generation: generation, search: search, status: status, after: nil, before: traces.first, limit: Self.pageSize)
    }
}
