import Foundation
import RunscopeCore
import RunscopeHistory
import Testing

/// Keyset pages of the trace list (the history screen's paging) over a real database.
@Suite struct PagingTests {
    /// 25 traces, newest last; traces 10 and 11 start at the same instant (the tie is broken by id).
    static func history(_ home: TemporaryHistory) throws -> HistoryStore {
        let recorder = HistoryRecorder(path: home.path, source: "test")
        let base = Date().addingTimeInterval(-1000)
        for index in 0..<25 {
            let start = base.addingTimeInterval(Double(index == 11 ? 10 : index) * 10)
            _ = QueryTests.seed(recorder, name: "trace\(index)", start: start, output: index % 2 == 0 ? "even owls" : "odd cats")
        }
        #expect(recorder.close().warnings.isEmpty)
        return try HistoryStore.open(path: home.path)
    }

    /// Every page after the previous one's last trace, until a short page.
    static func pages(_ store: HistoryStore, _ filter: TraceFilter) throws -> [[TraceSummary]] {
        var pages: [[TraceSummary]] = []
        var cursor: TraceSummary?
        while pages.count < 10 {
            let page = try store.traces(filter, after: cursor)
            pages.append(page)
            guard page.count == filter.limit, let last = page.last else { break }
            cursor = last
        }
        return pages
    }

    @Test func pagesFollowEachOtherWithoutGapsOrRepeats() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let store = try Self.history(home)
        let all = try store.traces(TraceFilter(limit: 100))
        #expect(all.count == 25)
        let pages = try Self.pages(store, TraceFilter(limit: 10))
        #expect(pages.map(\.count) == [10, 10, 5])
        #expect(pages.flatMap { $0 }.map(\.id) == all.map(\.id), "the pages are the whole list, in its order")
        #expect(Set(pages.flatMap { $0 }.map(\.id)).count == 25)
    }

    @Test func pagesKeepTheSearchAndStatus() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let store = try Self.history(home)
        let pages = try Self.pages(store, TraceFilter(search: "owls", limit: 4))
        let names = pages.flatMap { $0 }.map(\.name)
        #expect(names.count == 13)
        #expect(names.allSatisfy { Int($0.dropFirst(5))! % 2 == 0 })
        #expect(try store.traces(TraceFilter(status: "failed", limit: 4), after: nil).isEmpty)
    }
}
