import Foundation
import GRDB

/// Full-text search over the history, newest traces first, reading only as many matches
/// as it takes. A run's full-text row id is its trace's `seq` and its position
/// (`key(trace:position:)`), so the matches, walked from the highest row id down, come
/// trace by trace, and which trace each is in needs no lookup. The walk stops once it
/// has `limit` traces and no trace not yet met can be newer than the last of them: those
/// all have a smaller `seq`, and the traces index says how new the newest of them is.
/// Traces are numbered as they are first written, so that is at once for live runs; a
/// trace imported later, with an older start, is still put in its place.
enum HistorySearch {
    /// The `run_text` row id of the run at `position` in the trace numbered `seq`.
    static func key(trace seq: Int64, position: Int) -> Int64 {
        (seq << HistorySchema.traceShift) + Int64(position)
    }

    /// A trace found, with its start time as stored (to compare exactly) and its id.
    private struct Found {
        var start: Double
        var summary: TraceSummary
        func ranksAbove(start other: Double, id: String) -> Bool {
            start > other || (start == other && summary.id > id)
        }
    }

    /// The first `limit` traces, newest first (ties by id, greater first), that have a run
    /// matching `query` (FTS5 syntax) and meet `clauses` (SQL on `traces`, with `arguments`).
    static func traces(
        _ db: Database, query: String, clauses: [String], arguments: [(any DatabaseValueConvertible)?], limit: Int,
        since: Date?
    ) throws -> [TraceSummary] {
        guard limit > 0 else { return [] }
        let candidate = try db.cachedStatement(
            sql: "SELECT \(HistoryStore.summaryColumns) FROM traces WHERE \((["seq = ?"] + clauses).joined(separator: " AND "))")
        var bound = Bound(db: db)
        var found: [Found] = []
        let matches = try Int64.fetchCursor(
            db, sql: "SELECT rowid FROM run_text WHERE run_text MATCH ? ORDER BY rowid DESC", arguments: [query])
        var last: Int64 = -1
        while let rowid = try matches.next() {
            let seq = rowid >> HistorySchema.traceShift
            guard seq != last else { continue }
            last = seq
            // The bound can only end the walk once the page is full or older traces are cut
            // off; until then it is not asked (it reads the start index from the top).
            if found.count == limit || since != nil {
                guard let newest = try bound.newest(upTo: seq) else { break }
                if let since, newest.start < since.timeIntervalSince1970 { break }
                if found.count == limit, found[limit - 1].ranksAbove(start: newest.start, id: newest.id) { break }
            }
            guard let row = try Row.fetchOne(candidate, arguments: StatementArguments([seq] + arguments)) else { continue }
            insert(Found(start: row["start_time"], summary: HistoryStore.summary(row)), into: &found, limit: limit)
        }
        return found.map(\.summary)
    }

    /// Puts `item` in its place in `found` (newest first), keeping at most `limit`.
    private static func insert(_ item: Found, into found: inout [Found], limit: Int) {
        let index = found.firstIndex { !$0.ranksAbove(start: item.start, id: item.summary.id) } ?? found.endIndex
        guard index < limit else { return }
        found.insert(item, at: index)
        if found.count > limit { found.removeLast() }
    }

    /// The newest trace numbered at most some `seq`: the most any trace not yet met can be.
    /// Asked again only once the walk goes below the trace it found (until then it stands).
    private struct Bound {
        let db: Database
        private var known: (seq: Int64, start: Double, id: String)?

        init(db: Database) { self.db = db }

        mutating func newest(upTo seq: Int64) throws -> (start: Double, id: String)? {
            if let known, known.seq <= seq { return (known.start, known.id) }
            // By the start index from the top (left alone, SQLite would take every trace of a smaller seq and sort them).
            let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT seq, start_time, id FROM traces INDEXED BY traces_by_start
                    WHERE seq <= ? ORDER BY start_time DESC, id DESC LIMIT 1
                    """),
                arguments: [seq])
            guard let row else { return nil }
            known = (row["seq"], row["start_time"], row["id"])
            return (known!.start, known!.id)
        }
    }
}
