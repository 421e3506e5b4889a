import Foundation
import GRDB

extension HistoryStore {
    /// What `gc` removed.
    public struct Collected: Sendable, Equatable {
        public var traces: Int
        public var runs: Int
        /// Bytes the database file shrank by.
        public var bytesFreed: Int64
    }

    /// Deletes traces older than `olderThan`, or all but the newest `keep`, then
    /// vacuums the file to give the space back.
    public func collect(olderThan: Date? = nil, keep: Int? = nil) throws(HistoryError) -> Collected {
        let before = fileSize()
        // Numbers only, so they are written into the statement (CREATE ... AS takes no parameters everywhere).
        let condition = keep.map { "id NOT IN (SELECT id FROM traces ORDER BY start_time DESC LIMIT \($0))" }
            ?? "start_time < \((olderThan ?? .distantPast).timeIntervalSince1970)"

        let counts = try database.write { db -> (Int, Int) in
            try db.execute(sql: "CREATE TEMP TABLE doomed AS SELECT id FROM traces WHERE \(condition)")
            defer { try? db.execute(sql: "DROP TABLE temp.doomed") }
            let traces = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.doomed") ?? 0
            let runs = try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE trace_id IN temp.doomed") ?? 0
            // By each trace's span of rowids (seq << 28 ...), not by the unindexed trace_id (a scan);
            // CROSS JOIN keeps traces the outer loop, so each span is a range read of the index.
            try db.execute(sql: """
                DELETE FROM run_text WHERE rowid IN (
                  SELECT f.rowid FROM traces t CROSS JOIN run_text f
                  WHERE t.id IN temp.doomed
                    AND f.rowid BETWEEN t.seq << \(HistorySchema.traceShift) AND ((t.seq + 1) << \(HistorySchema.traceShift)) - 1)
                """)
            for table in ["runs", "tokens", "events"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE trace_id IN temp.doomed")
            }
            try db.execute(sql: "DELETE FROM traces WHERE id IN temp.doomed")
            return (traces, runs)
        }
        try vacuum()
        return Collected(traces: counts.0, runs: counts.1, bytesFreed: max(0, before - fileSize()))
    }

    private func vacuum() throws(HistoryError) {
        do {
            try database.queue.vacuum()
            try database.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw HistoryDatabase.describe(error, path: database.path, timeout: database.timeout)
        }
    }

    private func fileSize() -> Int64 {
        ["", "-wal"].reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: database.path + suffix)
            return total + ((attributes?[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }
}
