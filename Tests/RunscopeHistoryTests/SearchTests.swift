import Foundation
import GRDB
import RunscopeCore
import RunscopeHistory
import RunscopeTestSupport
import Testing

/// Full-text search walks the matches newest trace first and stops early (HistorySearch);
/// these check that what it finds is exactly what reading every match would find, in any
/// order the traces were written, and that a v1 history is migrated to it.
@Suite struct SearchTests {
    struct Written {
        var id: String
        var start: Date
        var words: Set<String>
        var failed: Bool
        func ranksAbove(_ other: Written) -> Bool { start > other.start || (start == other.start && id > other.id) }
    }

    /// 300 traces; a third of them written late with an older start (as an import does),
    /// some sharing a start to the microsecond (ties go by id); words from common to rare.
    static func history(_ home: TemporaryHistory) throws -> (HistoryStore, [Written]) {
        var random = SplitMix64(seed: 17)
        let recorder = HistoryRecorder(path: home.path, source: "test")
        let base = Date(timeIntervalSince1970: 1_780_000_000)
        let odds: [(String, Double)] = [("red", 0.9), ("green", 0.5), ("blue", 0.1), ("violet", 0.02)]
        var written: [Written] = []
        for index in 0..<300 {
            var start = base.addingTimeInterval(Double(index) * 60)
            if index % 3 == 0 { start = base.addingTimeInterval(Double.random(in: 0..<Double(index + 1), using: &random) * 60) }
            if index % 25 == 1, let previous = written.last { start = previous.start }
            let words = Set(odds.filter { Double.random(in: 0..<1, using: &random) < $0.1 }.map(\.0))
            let failed = Double.random(in: 0..<1, using: &random) < 0.3
            let output = words.sorted().joined(separator: " ") + " filler"
            let id = QueryTests.seed(recorder, name: "t\(index)", start: start, output: output, fail: failed)
            written.append(Written(id: id, start: start, words: words, failed: failed))
        }
        #expect(recorder.close().warnings.isEmpty)
        return (try HistoryStore.open(path: home.path), written)
    }

    @Test func searchFindsExactlyTheNewestMatchesWhateverOrderTracesWereWrittenIn() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let (store, written) = try Self.history(home)
        let newestFirst = written.sorted { $0.ranksAbove($1) }
        for word in ["red", "green", "blue", "violet", "filler", "absent"] {
            let matching = newestFirst.filter { word == "filler" || $0.words.contains(word) }
            for limit in [1, 3, 20, 400] {
                let found = try store.traces(TraceFilter(search: word, limit: limit)).map(\.id)
                #expect(found == matching.prefix(limit).map(\.id), "\(word), limit \(limit)")
            }
        }
        #expect(!newestFirst.filter { $0.words.contains("violet") }.isEmpty, "the rare word is in some trace")
        let failedRed = newestFirst.filter { $0.failed && $0.words.contains("red") }
        #expect(try store.traces(TraceFilter(status: "failed", search: "red", limit: 10)).map(\.id) == failedRed.prefix(10).map(\.id))
        let since = Date(timeIntervalSince1970: 1_780_000_000 + 150 * 60)
        let recentBlue = newestFirst.filter { $0.start >= since && $0.words.contains("blue") }
        #expect(try store.traces(TraceFilter(search: "blue", since: since, limit: 400)).map(\.id) == recentBlue.map(\.id))
    }

    @Test func searchPagesFollowOnWithNothingLostOrTwice() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let (store, written) = try Self.history(home)
        let expected = written.sorted { $0.ranksAbove($1) }.filter { $0.words.contains("green") }.map(\.id)
        var pages: [String] = []
        var cursor: TraceSummary?
        while true {
            let page = try store.traces(TraceFilter(search: "green", limit: 7), after: cursor)
            if page.isEmpty { break }
            pages += page.map(\.id)
            cursor = page.last
        }
        #expect(pages == expected)
        // And back up from the last page.
        let last = try #require(try store.traces(TraceFilter(search: "green", limit: 400)).last)
        let before = try store.traces(TraceFilter(search: "green", limit: 5), before: last).map(\.id)
        #expect(before == Array(expected.dropLast().suffix(5)))
    }

    @Test func aVersion1HistoryIsMigratedAndFindsWhatItFoundBefore() throws {
        // A history written by runscope with schema v1 (five example chains).
        let home = try TemporaryHistory()
        defer { home.remove() }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/history-v1.sqlite")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: home.path)
        let words = ["bears", "paris", "constructor", "calculator", "purr", "GenericFakeChatModel", "nowhere"]
        let v1 = "SELECT id FROM traces WHERE id IN (SELECT trace_id FROM run_text WHERE run_text MATCH ?) ORDER BY start_time DESC, id DESC"
        let tokensSQL = "SELECT run_id || ':' || text || ':' || marks FROM tokens ORDER BY run_id"
        let (tokensBefore, linesBefore) = try home.raw().read { db in
            (try String.fetchAll(db, sql: tokensSQL), try String.fetchAll(db, sql: "SELECT lines FROM events ORDER BY trace_id, chunk"))
        }
        let (found, listed) = try home.raw().read { db in
            (try words.map { try String.fetchAll(db, sql: v1, arguments: ["\"\($0)\""]) },
             try String.fetchAll(db, sql: "SELECT id FROM traces ORDER BY start_time DESC, id DESC"))
        }
        #expect(listed.count == 5)
        #expect(found.map(\.count) == [1, 1, 5, 2, 1, 5, 0])

        let store = try HistoryStore.open(path: home.path)
        let (applied, version) = try home.raw().read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"), try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
        #expect(applied == ["v1", "v2", "v3"] && version == 3)
        // v3 keeps each run's tokens as its row 0, and the export of every trace is its v1 lines.
        #expect(!tokensBefore.isEmpty)
        #expect(try home.raw().read { db in try String.fetchAll(db, sql: tokensSQL) } == tokensBefore)
        #expect(try home.raw().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tokens WHERE chunk != 0") } == 0)
        let exported = try listed.sorted().flatMap { try store.eventLines(trace: $0) }
        #expect(exported == linesBefore.flatMap { $0.split(separator: "\n").map(String.init) })
        for (word, before) in zip(words, found) {
            #expect(try store.traces(TraceFilter(search: word, limit: 100)).map(\.id) == before, "\(word)")
        }
        #expect(try store.traces(TraceFilter(limit: 100)).map(\.id) == listed)
        #expect(try home.raw().read { db in try String.fetchAll(db, sql: "SELECT id FROM traces ORDER BY seq DESC") } == listed,
                "traces are numbered in start order")
        #expect(try store.integrityCheck() == "ok")

        // A trace written after the migration is found with them.
        let recorder = HistoryRecorder(path: home.path, source: "test")
        let id = QueryTests.seed(recorder, name: "later", start: Date(), output: "bears again")
        #expect(recorder.close().warnings.isEmpty)
        #expect(try store.traces(TraceFilter(search: "bears")).map(\.id) == [id, found[0][0]])
    }
}
