import Foundation
import RunscopeHistory

/// One page to fetch: the filter of the screen and where the page starts.
public struct HistoryQuery: Sendable, Equatable {
    public var generation: Int
    public var search: String?
    public var status: String?
    /// The last trace of the previous page (nil: the first page).
    public var after: TraceSummary?
    /// For a page above the loaded ones (their top was dropped): the first trace loaded.
    public var before: TraceSummary?
    public var limit: Int

    /// A page query.
    public init(generation: Int, search: String?, status: String?, after: TraceSummary?, before: TraceSummary? = nil, limit: Int) {
        self.generation = generation
        self.search = search
        self.status = status
        self.after = after
        self.before = before
        self.limit = limit
    }

    /// The store's filter for this page.
    public var filter: TraceFilter { TraceFilter(status: status, search: search, limit: limit) }

    /// Reads the page from `store`: the action that hands it to the screen, or says why it failed.
    public func fetch(from store: HistoryStore, now: Date = Date()) -> HistoryListAction {
        do {
            if let before { return .loadedNewer(generation: generation, traces: try store.traces(filter, before: before), now: now) }
            return .loaded(generation: generation, traces: try store.traces(filter, after: after), now: now)
        } catch {
            return .failed(error.description)
        }
    }
}
