import Foundation
import GRDB

/// The history database: one SQLite file in WAL mode with a busy timeout, checked
/// to be runscope's and migrated to the newest schema when opened.
public final class HistoryDatabase: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    /// How long a write waits for another process's lock.
    let timeout: TimeInterval

    private init(path: String, queue: DatabaseQueue, timeout: TimeInterval) {
        self.path = path
        self.queue = queue
        self.timeout = timeout
    }

    /// Opens (creating if needed) the history at `path`; any problem is one line naming the file.
    public static func open(path: String, timeout: TimeInterval = 5) throws(HistoryError) -> HistoryDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw HistoryError("\(path): cannot create the directory \(directory)")
            }
        }
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(timeout)
        config.label = "runscope-history"
        // Two processes creating the file at once may both try the first migration: the
        // loser fails and, on the next attempt, finds it done.
        for attempt in 1...3 {
            do {
                let queue = try DatabaseQueue(path: path, configuration: config)
                try queue.read { db in try check(db, path: path) }
                try HistorySchema.migrator.migrate(queue)
                let database = HistoryDatabase(path: path, queue: queue, timeout: timeout)
                database.markInterrupted()
                return database
            } catch let error as HistoryError {
                throw error
            } catch {
                if attempt == 3 || (error as? DatabaseError)?.resultCode == .SQLITE_NOTADB { throw describe(error, path: path, timeout: timeout) }
            }
        }
        throw HistoryError("\(path): cannot open the history database")
    }

    /// Checks that the file is a runscope history (or empty) of a schema this runscope knows.
    private static func check(_ db: Database, path: String) throws {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'grdb_migrations'")
        if application != HistorySchema.applicationID && (application != 0 || !tables.isEmpty) {
            throw HistoryError("\(path): not a runscope history database (it has other tables); set RUNSCOPE_HOME to use another place")
        }
        if try HistorySchema.migrator.hasBeenSuperseded(db) {
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            throw HistoryError("\(path): written by a newer runscope (history schema v\(version); this runscope knows up to v\(HistorySchema.version))")
        }
    }

    /// A one-line message for a database error.
    static func describe(_ error: any Error, path: String, timeout: TimeInterval) -> HistoryError {
        guard let error = error as? DatabaseError else { return HistoryError("\(path): \(error)") }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return HistoryError("\(path): the history database is locked (still busy after \(Int(timeout * 1000)) ms)", isBusy: true)
        case .SQLITE_NOTADB: return HistoryError("\(path): not a runscope history database (not an SQLite file)")
        case .SQLITE_CORRUPT: return HistoryError("\(path): the history database is corrupt")
        case .SQLITE_FULL: return HistoryError("\(path): the disk is full")
        case .SQLITE_CANTOPEN: return HistoryError("\(path): cannot open the history database")
        case .SQLITE_READONLY, .SQLITE_PERM: return HistoryError("\(path): the history database is read-only")
        default: return HistoryError("\(path): \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// Reads with the database's error turned into a `HistoryError`.
    func read<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do { return try queue.read(body) } catch let error as HistoryError { throw error } catch {
            throw Self.describe(error, path: path, timeout: timeout)
        }
    }

    /// Writes in one transaction, errors as `HistoryError`.
    func write<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do { return try queue.write(body) } catch let error as HistoryError { throw error } catch {
            throw Self.describe(error, path: path, timeout: timeout)
        }
    }

    /// Marks runs whose writing process is gone as `interrupted` (best effort: skipped when busy).
    func markInterrupted() {
        let writers = (try? queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, writer_pid, writer_started FROM traces WHERE status = 'running'")
        }) ?? []
        let dead: [String] = writers.compactMap { row in
            let writer = WriterProcess(pid: row["writer_pid"] ?? 0, started: row["writer_started"] ?? 0)
            return writer.pid == 0 || !writer.isAlive ? row["id"] : nil
        }
        guard !dead.isEmpty else { return }
        try? queue.write { db in
            for id in dead {
                try db.execute(sql: "UPDATE runs SET status = 'interrupted' WHERE trace_id = ? AND status = 'running'", arguments: [id])
                try db.execute(sql: "UPDATE traces SET status = 'interrupted' WHERE id = ?", arguments: [id])
            }
        }
    }
}
