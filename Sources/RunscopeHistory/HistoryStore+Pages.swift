import Foundation
import GRDB

extension HistoryStore {
    /// A page of the traces matching `filter`, newest first (ties by id): at most `filter.limit`
    /// of them, the ones after `cursor` (the last trace of the previous page) when given. Keyset
    /// paging: a page costs the same wherever it is in the history.
    public func traces(_ filter: TraceFilter, after cursor: TraceSummary?) throws(HistoryError) -> [TraceSummary] {
        var (clauses, arguments) = filter.conditions(search: false)
        if let cursor {
            // The cursor's start time read back from the table, exactly as stored (a Date round trip is not).
            let start = "(SELECT start_time FROM traces WHERE id = ?)"
            clauses.append("(start_time < \(start) OR (start_time = \(start) AND id < ?))")
            arguments += [cursor.id, cursor.id, cursor.id]
        }
        if let search = filter.search, !search.isEmpty {
            let (bound, query) = (arguments, TraceFilter.ftsQuery(search))
            return try database.read { db in
                try HistorySearch.traces(db, query: query, clauses: clauses, arguments: bound, limit: filter.limit, since: filter.since)
            }
        }
        let condition = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = "SELECT \(Self.summaryColumns) FROM traces \(condition) ORDER BY start_time DESC, id DESC LIMIT ?"
        arguments.append(filter.limit)
        let bound = StatementArguments(arguments)
        return try database.read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map(Self.summary) }
    }
}

extension HistoryStore {
    /// The page just newer than `cursor` (the first trace loaded): at most `filter.limit`
    /// traces, newest first, for a list that dropped its top while scrolling down.
    public func traces(_ filter: TraceFilter, before cursor: TraceSummary) throws(HistoryError) -> [TraceSummary] {
        var (clauses, arguments) = filter.conditions()
        let start = "(SELECT start_time FROM traces WHERE id = ?)"
        clauses.append("(start_time > \(start) OR (start_time = \(start) AND id > ?))")
        arguments += [cursor.id, cursor.id, cursor.id, filter.limit]
        let sql = "SELECT \(Self.summaryColumns) FROM traces WHERE \(clauses.joined(separator: " AND ")) ORDER BY start_time, id LIMIT ?"
        let bound = StatementArguments(arguments)
        return try database.read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map(Self.summary) }.reversed()
    }
}

extension TraceFilter {
    /// The SQL conditions on `traces` and their arguments (the limit aside).
    /// `search: false` leaves the words out (for `HistorySearch`, which finds them itself).
    func conditions(search withSearch: Bool = true) -> (clauses: [String], arguments: [(any DatabaseValueConvertible)?]) {
        var clauses: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let status { clauses.append("status = ?"); arguments.append(status) }
        if let name { clauses.append("name GLOB ?"); arguments.append(name) }
        if let since { clauses.append("start_time >= ?"); arguments.append(since.timeIntervalSince1970) }
        if withSearch, let search, !search.isEmpty {
            clauses.append("seq IN (SELECT rowid >> \(HistorySchema.traceShift) FROM run_text WHERE run_text MATCH ?)")
            arguments.append(Self.ftsQuery(search))
        }
        return (clauses, arguments)
    }
}
