import Foundation
import GRDB
import RunscopeCore
import RunscopeHistory
import Testing

/// Listing, filters, full-text search, references and gc over a real database.
@Suite struct QueryTests {
    /// Writes one trace: a root chain with a model child, at `start`, failing or not.
    static func seed(_ recorder: HistoryRecorder, name: String, start: Date, output: String, fail: Bool = false) -> String {
        let root = RunInfo(runId: UUIDv7.make(now: start), parentRunId: nil, name: name, runType: .chain)
        let model = RunInfo(runId: UUIDv7.make(now: start), parentRunId: root.runId, name: "model", runType: .chatModel)
        let events: [(RunEvent, RunInfo, Double)] = [
            (.chainStart(inputs: ["question": .string("about \(name)")]), root, 0), (.chatModelStart(messages: [[.human("hi")]]), model, 0.01),
            (.newToken(output, chunk: nil), model, 0.02), (.llmEnd(LLMResult(generations: [[Generation(text: output)]])), model, 0.03),
            fail ? (.chainError(RunError(type: "ValueError", message: "broke on \(name)"), inputs: nil), root, 0.5)
                : (.chainEnd(outputs: .string(output), inputs: nil), root, 0.5),
        ]
        for (event, run, offset) in events {
            recorder.enqueue(QueuedEvent(event: event, run: run, time: start.addingTimeInterval(offset)))
        }
        return root.runId.uuidString.lowercased()
    }

    /// Three traces an hour apart, the newest last: alpha (ok), beta (failed), gamma (ok).
    static func history(_ home: TemporaryHistory) throws -> (HistoryStore, [String]) {
        let recorder = HistoryRecorder(path: home.path, source: "test")
        let now = Date()
        let ids = [
            seed(recorder, name: "alpha", start: now.addingTimeInterval(-7200), output: "penguins waddle"),
            seed(recorder, name: "beta", start: now.addingTimeInterval(-3600), output: "owls hoot", fail: true),
            seed(recorder, name: "gamma", start: now, output: "cats purr"),
        ]
        #expect(recorder.close().warnings.isEmpty)
        return (try HistoryStore.open(path: home.path), ids)
    }

    @Test func tracesComeNewestFirstWithTheirColumns() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let (store, ids) = try Self.history(home)
        let traces = try store.traces(TraceFilter())
        #expect(traces.map(\.id) == ids.reversed())
        #expect(traces.map(\.status) == ["ok", "failed", "ok"])
        #expect(traces[0].runs == 2 && traces[0].tokens == 1 && traces[0].durationMs == 500 && traces[0].costUSD == nil)
    }

    @Test func filtersNarrowTheList() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let (store, ids) = try Self.history(home)
        #expect(try store.traces(TraceFilter(status: "failed")).map(\.id) == [ids[1]])
        #expect(try store.traces(TraceFilter(name: "g*")).map(\.id) == [ids[2]])
        #expect(try store.traces(TraceFilter(since: Date().addingTimeInterval(-5400))).map(\.id) == [ids[2], ids[1]])
        #expect(try store.traces(TraceFilter(limit: 1)).map(\.id) == [ids[2]])
        #expect(try store.traces(TraceFilter(search: "penguins")).map(\.id) == [ids[0]], "outputs are searched")
        #expect(try store.traces(TraceFilter(search: "broke")).map(\.id) == [ids[1]], "errors are searched")
        #expect(try store.traces(TraceFilter(search: "about gamma")).map(\.id) == [ids[2]], "inputs are searched")
        #expect(try store.traces(TraceFilter(search: "\"AND OR(")).isEmpty, "search text is never query syntax")
    }

    @Test func referencesNameOneTraceOrSayWhatMatched() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let (store, ids) = try Self.history(home)
        #expect(try store.resolve("last").id == ids[2])
        #expect(try store.resolve("last~2").id == ids[0])
        #expect(try store.resolve(ids[1]).id == ids[1])
        #expect(try store.resolve(String(ids[1].prefix(30)).uppercased()).id == ids[1])
        #expect(throws: HistoryError("'last~3': the history has 3 traces")) { try store.resolve("last~3") }
        #expect(throws: HistoryError("'ffff': no trace in the history matches (see runscope runs)")) { try store.resolve("ffff") }
        #expect(throws: HistoryError("'what?': not a run reference (a trace id or a prefix of one, last, last~N)")) { try store.resolve("what?") }
        let common = String(ids[0].prefix(1))
        do {
            _ = try store.resolve(common)
            Issue.record("a prefix of every id is ambiguous")
        } catch {
            #expect(error.message.hasPrefix("'\(common)': matches 3 traces: "))
            #expect(ids.allSatisfy { error.message.contains($0) })
        }
    }

    @Test func gcDeletesOldTracesAndEverythingOfThem() throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let (store, ids) = try Self.history(home)
        let result = try store.collect(olderThan: Date().addingTimeInterval(-5400))
        #expect(result.traces == 1 && result.runs == 2)
        #expect(try store.traces(TraceFilter()).map(\.id) == [ids[2], ids[1]])
        #expect(try store.eventLines(trace: ids[0]).isEmpty)
        #expect(try store.traces(TraceFilter(search: "penguins")).isEmpty)
        let indexed = try home.raw().read { db in try String.fetchAll(db, sql: "SELECT DISTINCT trace_id FROM run_text") }
        #expect(Set(indexed) == [ids[2], ids[1]], "its full-text rows are gone too, and only its")
        #expect(try store.collect(keep: 1).traces == 1)
        #expect(try store.traces(TraceFilter()).map(\.id) == [ids[2]])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func agesAndDatesAreRead() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(HistoryTime.moment("2h", now: now) == now.addingTimeInterval(-7200))
        #expect(HistoryTime.moment("1d", now: now) == now.addingTimeInterval(-86400))
        #expect(HistoryTime.moment("2026-11-30T12:00:00Z") == Date(timeIntervalSince1970: 1_796_040_000))
        #expect(HistoryTime.moment("yesterday") == nil && HistoryTime.moment("5x") == nil)
    }
}
