import Foundation
import GRDB

/// Reading the history: traces for `runscope runs`, a trace's event lines (export, show),
/// its runs (diff).
public final class HistoryStore: Sendable {
    public let database: HistoryDatabase

    /// The store over an opened database.
    public init(database: HistoryDatabase) { self.database = database }

    /// Opens the history at `path`.
    public static func open(path: String, timeout: TimeInterval = 5) throws(HistoryError) -> HistoryStore {
        HistoryStore(database: try HistoryDatabase.open(path: path, timeout: timeout))
    }

    static let summaryColumns = "id, name, status, start_time, end_time, duration_ms, runs, tokens, cost_usd, source, events"

    /// The traces matching `filter`, newest first.
    public func traces(_ filter: TraceFilter) throws(HistoryError) -> [TraceSummary] {
        try traces(filter, after: nil)
    }

    /// A number that changes whenever another connection (another process, or the recorder's
    /// writer) commits to the history: SQLite's `PRAGMA data_version` of this store's connection.
    public func changeCount() throws(HistoryError) -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// The trace with exactly this id.
    public func trace(id: String) throws(HistoryError) -> TraceSummary? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.summaryColumns) FROM traces WHERE id = ?", arguments: [id]).map(Self.summary)
        }
    }

    static func summary(_ row: Row) -> TraceSummary {
        TraceSummary(
            id: row["id"], name: row["name"], status: row["status"], start: Date(timeIntervalSince1970: row["start_time"]),
            end: (row["end_time"] as Double?).map(Date.init(timeIntervalSince1970:)), durationMs: row["duration_ms"],
            runs: row["runs"], tokens: row["tokens"], costUSD: row["cost_usd"], source: row["source"], events: row["events"])
    }

    /// The trace's event-log lines (v1), in the order they were written; the token lines
    /// a `TokenMarker` stands for are made again from `tokens`, as they were.
    public func eventLines(trace id: String) throws(HistoryError) -> [String] {
        try database.read { db in
            let chunks = try String.fetchAll(db, sql: "SELECT lines FROM events WHERE trace_id = ? ORDER BY chunk", arguments: [id])
            var expansion = TokenExpansion(db: db, path: database.path)
            var lines: [String] = []
            for chunk in chunks {
                // Split on the byte, not on Characters (grapheme breaking would cost more than the parse).
                for line in chunk.utf8.split(separator: UInt8(ascii: "\n")) {
                    if line.first == UInt8(ascii: "#"), let marker = TokenMarker(line: line) {
                        try expansion.append(marker, to: &lines)
                    } else {
                        lines.append(String(decoding: line, as: UTF8.self))
                    }
                }
            }
            return lines
        }
    }

    /// The trace's runs in the order they started.
    public func runs(trace id: String) throws(HistoryError) -> [StoredRun] {
        try database.read { db in
            try Array(Row.fetchCursor(db, sql: "SELECT \(StoredRun.columns) FROM runs WHERE trace_id = ? ORDER BY position",
                                      arguments: [id]).map(StoredRun.init(row:)))
        }
    }
}

extension HistoryStore {
    /// `PRAGMA integrity_check`: `ok`, or what SQLite found wrong.
    public func integrityCheck() throws(HistoryError) -> String {
        try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}
