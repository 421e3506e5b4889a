import Foundation
import GRDB
import RunscopeCore
import RunscopeHistory
import Testing

/// A database that is not runscope's, from a newer schema, or locked: one line naming the
/// file when opened, and a warning (never an error) from the recorder, the chain unharmed.
@Suite struct DatabaseFaultTests {
    @Test func aFileThatIsNotSQLiteIsNamed() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        try Data(String(repeating: "not a database\n", count: 300).utf8).write(to: URL(fileURLWithPath: home.path))
        #expect(throws: HistoryError("\(home.path): not a runscope history database (not an SQLite file)")) {
            try HistoryDatabase.open(path: home.path)
        }
    }

    @Test func anotherProgramsSQLiteDatabaseIsLeftAlone() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        try home.raw().write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')") }
        #expect(throws: HistoryError.self) { try HistoryDatabase.open(path: home.path) }
        do {
            _ = try HistoryDatabase.open(path: home.path)
        } catch {
            #expect(error.message.hasPrefix("\(home.path): not a runscope history database"))
        }
        #expect(try home.raw().read { db in try String.fetchOne(db, sql: "SELECT body FROM notes") } == "mine")
        #expect(try home.raw().read { db in try db.tableExists("runs") } == false)
    }

    @Test func aNewerSchemaIsRefusedNotDamaged() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        _ = try HistoryDatabase.open(path: home.path)
        try home.raw().write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v4'); PRAGMA user_version = 4")
        }
        #expect(throws: HistoryError("\(home.path): written by a newer runscope (history schema v4; this runscope knows up to v3)")) {
            try HistoryDatabase.open(path: home.path)
        }
    }

    @Test func anOlderDatabaseIsOpenedAndKept() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        _ = try HistoryDatabase.open(path: home.path)
        let applied = try home.raw().read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1", "v2", "v3"])
        #expect(try home.raw().read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 3)
        #expect(try home.raw().read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        _ = try HistoryDatabase.open(path: home.path)
    }

    @Test func tokensMissingOrDamagedAreNamedNotGuessed() async throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let recorder = HistoryRecorder(path: home.path, source: "run")
        _ = try await Chains.stream(try Chains.joke("a b c d"), ["animal": "owls"], handlers: [recorder])
        let trace = try #require(recorder.close().traces.first)
        let store = try HistoryStore.open(path: home.path)
        #expect(try store.eventLines(trace: trace).count > 7)
        func failure() -> String? {
            do { _ = try store.eventLines(trace: trace) } catch { return error.message }
            return nil
        }
        func execute(_ sql: String) throws { try home.raw().write { db in try db.execute(sql: sql) } }
        try execute("UPDATE tokens SET marks = '[[0,1],oops]'")
        let damaged = try #require(failure())
        #expect(damaged.hasPrefix("\(home.path): run ") && damaged.contains("marks that are not"), "\(damaged)")
        try execute("DELETE FROM tokens")
        let missing = try #require(failure())
        #expect(missing.hasPrefix("\(home.path): run ") && missing.contains("has 0 tokens in table tokens"), "\(missing)")
    }

    /// A history whose database another connection holds `BEGIN EXCLUSIVE` (ROLLBACK frees it).
    static func lockedByAnotherConnection(_ home: TemporaryHistory) throws -> DatabaseQueue {
        _ = try HistoryDatabase.open(path: home.path)
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: home.path, configuration: config)
        try holder.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        return holder
    }

    @Test func aLockedDatabaseBecomesOneWarningAndTheChainCompletes() async throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let holder = try Self.lockedByAnotherConnection(home)
        defer { try? holder.inDatabase { db in try db.execute(sql: "ROLLBACK") } }
        let recorder = HistoryRecorder(path: home.path, source: "run", timeout: 0.1)
        let output = try await Chains.stream(try Chains.joke("still here"), ["animal": "cats"], handlers: [recorder])
        #expect(output == "still here")
        let report = recorder.close()
        #expect(report.warnings == ["history: \(home.path): the history database is locked (still busy after 100 ms); this run is not kept in the history"])
    }

    @Test func aDatabaseLockedForLongerThanTheTimeoutLosesNothingOnceFreed() async throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let holder = try Self.lockedByAnotherConnection(home)
        let recorder = HistoryRecorder(path: home.path, source: "run", timeout: 0.05, interval: 0.01)
        for round in 0..<3 {
            _ = try await Chains.stream(try Chains.joke("round \(round)"), ["animal": "cats"], handlers: [recorder])
        }
        // The writer has met the lock (each try waits 50 ms) more than once before it is freed.
        let deadline = Date().addingTimeInterval(30)
        while recorder.busyRetries < 3 && Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(recorder.busyRetries >= 3)
        try holder.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        let report = recorder.close()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(report.traces.count == 3)
        let traces = try HistoryStore.open(path: home.path).traces(TraceFilter())
        #expect(traces.count == 3)
        #expect(traces.allSatisfy { $0.status == "ok" && $0.runs == 4 })
    }

    @Test func aDirectoryThatCannotBeMadeIsNamed() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let blocker = home.directory + "/file"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        #expect(throws: HistoryError("\(blocker)/history.sqlite: cannot create the directory \(blocker)")) {
            try HistoryDatabase.open(path: blocker + "/history.sqlite")
        }
    }

    @Test func theLocationFollowsTheEnvironment() {
        #expect(HistoryLocation.databasePath(["RUNSCOPE_HOME": "/r", "XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/r/history.sqlite")
        #expect(HistoryLocation.databasePath(["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/runscope/history.sqlite")
        #expect(HistoryLocation.databasePath(["HOME": "/h"]) == "/h/.local/share/runscope/history.sqlite")
        #expect(HistoryLocation.isDisabled(["RUNSCOPE_HISTORY": "off"]))
        #expect(!HistoryLocation.isDisabled(["RUNSCOPE_HISTORY": "on"]) && !HistoryLocation.isDisabled([:]))
    }
}
