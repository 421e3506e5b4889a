import Foundation
import GRDB
import RunscopeCore
import RunscopeHistory
import RunscopeTestSupport
import Testing

/// The recorder writes what a chain does into a real SQLite file: the export equals the
/// event log, the runs table is the index, the writer batches and flushes at close.
@Suite struct RecorderTests {
    @Test func theExportEqualsWhatTheEventLogRecorderWrote() async throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let log = LineCollector()
        let recorder = HistoryRecorder(path: home.path, source: "run")
        let output = try await Chains.stream(try Chains.joke(), ["animal": "bears"], handlers: [EventLogRecorder { log.append($0) }, recorder])
        #expect(output == "Why don't bears wear shoes? Because they have bear feet!")
        let report = recorder.close()
        #expect(report.warnings.isEmpty)
        #expect(report.traces.count == 1)
        let store = try HistoryStore.open(path: home.path)
        let exported = try store.eventLines(trace: try #require(report.traces.first))
        #expect(exported.count == log.all.count)
        #expect(try exported.map(Value.timeless) == log.all.map(Value.timeless))
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func theRunsTableIndexesEveryRun() async throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let recorder = HistoryRecorder(path: home.path, source: "run")
        _ = try await Chains.stream(try Chains.joke("a b c"), ["animal": "owls"], handlers: [recorder])
        let traceId = try #require(recorder.close().traces.first)
        let rows = try home.raw().read { db in
            try Row.fetchAll(db, sql: "SELECT name, run_type, status, parent_id, streamed_tokens, first_token_ms, output_text FROM runs WHERE trace_id = ? ORDER BY position", arguments: [traceId])
        }
        #expect(rows.map { $0["name"] as String } == ["RunnableSequence", "ChatPromptTemplate", "GenericFakeChatModel", "StrOutputParser"])
        #expect(rows.allSatisfy { $0["status"] as String == "ok" })
        #expect(rows[0]["parent_id"] as String? == nil && rows[1]["parent_id"] as String? == traceId)
        #expect(rows[2]["streamed_tokens"] as Int == 5, "a b c: three words and two spaces")
        #expect(rows[2]["first_token_ms"] as Double? != nil)
        #expect(rows[0]["output_text"] as String? == "a b c")
        let tokens = try home.raw().read { db in try Row.fetchOne(db, sql: "SELECT text, marks FROM tokens WHERE chunk = 0") }
        #expect(tokens?["text"] as String? == "a b c")
        let marks = try JSONParser.parse(try #require(tokens?["marks"] as String?))
        #expect(marks.arrayValue?.compactMap { $0.arrayValue?.first?.intValue } == [0, 1, 2, 3, 4])
        let trace = try #require(try HistoryStore.open(path: home.path).trace(id: traceId))
        #expect(trace.status == "ok" && trace.runs == 4 && trace.tokens == 5 && trace.name == "RunnableSequence")
    }

    @Test func aFailingChainIsKeptAsFailedWithItsError() async throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let recorder = HistoryRecorder(path: home.path, source: "run")
        let failing = RunnableLambda(name: "explode") { (_: Value) -> Value in throw RunError(type: "ValueError", message: "boom") }
        _ = try? await failing.invoke("x", config: RunConfig(callbacks: [recorder]))
        let traceId = try #require(recorder.close().traces.first)
        let store = try HistoryStore.open(path: home.path)
        #expect(try store.trace(id: traceId)?.status == "failed")
        #expect(try store.runs(trace: traceId).first?.error == "ValueError: boom")
        #expect(try store.traces(TraceFilter(search: "boom")).map(\.id) == [traceId])
    }

    @Test func eventsAreCommittedWhileTheRunGoesOnNotOnlyAtTheEnd() async throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let recorder = HistoryRecorder(path: home.path, source: "run", interval: 0.01)
        defer { recorder.close() }
        let run = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "long", runType: .chain)
        try recorder.handle(.chainStart(inputs: "x"), run: run)
        // Read through the store (WAL mode, as the writer opens it): a plain connection that
        // opens the new file first keeps it in rollback mode while it reads, and the writer,
        // switching it to WAL, would wait on it.
        let store = try HistoryStore.open(path: home.path)
        let deadline = Date().addingTimeInterval(30)
        var status: String?
        while status == nil && Date() < deadline {
            status = try? store.traces(TraceFilter()).first?.status
            if status == nil { try await Task.sleep(nanoseconds: 5_000_000) }
        }
        #expect(status == "running", "the start is in the database before the run ends")
    }

    @Test func aLongStreamOverManyBatchesKeepsEveryTokenInOrder() async throws {
        // 20,000 tokens by `onLLMNewToken` (a chain's path: the token by its run's id) with a
        // 1 ms batch interval: many batches, each giving its chunks back to be reused.
        let home = try TemporaryHistory()
        defer { home.remove() }
        let recorder = HistoryRecorder(path: home.path, source: "run", interval: 0.001)
        let model = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "model", runType: .chatModel)
        try recorder.onChatModelStart(model, messages: [[.human("go")]])
        let tokens = (0..<20_000).map { "t\($0) " }
        for token in tokens.prefix(10_000) { try recorder.onLLMNewToken(model, token: token, chunk: nil) }
        // The rest once the first half is in the database: the run's tokens then take more than one batch.
        // (The writer makes the schema when it first opens the file, after the recorder starts.)
        let rows = { () throws -> Int in
            try home.raw().read { db in try db.tableExists("tokens") ? Int.fetchOne(db, sql: "SELECT count(*) FROM tokens") ?? 0 : 0 }
        }
        var written = 0
        for _ in 0..<30_000 where written == 0 {
            written = try rows()
            if written == 0 { try await Task.sleep(for: .milliseconds(2)) }
        }
        // (Under a slow build the writer may take the first half in more than one batch.)
        #expect(written >= 1)
        for token in tokens.dropFirst(10_000) { try recorder.onLLMNewToken(model, token: token, chunk: nil) }
        // A token of a run never started has nothing to go with: it is left out, and nothing breaks.
        let stranger = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "stranger", runType: .chatModel)
        try recorder.onLLMNewToken(stranger, token: "lost", chunk: nil)
        try recorder.onLLMEnd(model, response: LLMResult(generations: [[Generation(text: tokens.joined())]]))
        let report = recorder.close()
        #expect(report.warnings.isEmpty)
        #expect(report.traces == [model.runId.uuidString.lowercased()])
        let store = try HistoryStore.open(path: home.path)
        let row = try #require(try home.raw().read { db in
            try Row.fetchOne(db, sql: """
                SELECT r.streamed_tokens, group_concat(t.text, '') AS text, group_concat(t.marks, '') AS marks, count(*) AS chunks,
                       (SELECT sum(length(lines)) FROM events) AS event_bytes
                FROM runs r JOIN (SELECT * FROM tokens ORDER BY run_id, chunk) t ON t.run_id = r.id
                """)
        })
        #expect(row["streamed_tokens"] as Int == tokens.count)
        #expect(row["text"] as String == tokens.joined())
        let chunks: Int = row["chunks"]
        #expect(chunks > 1, "a row per batch")
        let marks: String = row["marks"]
        #expect(marks.split(separator: "[").count == tokens.count, "one [offset,ms] mark per token")
        // Each token is stored once: the events hold a marker line per stretch, not a line per token (about 270 bytes).
        let eventBytes: Int = row["event_bytes"]
        #expect(eventBytes < tokens.count * 20)
        let lines = try store.eventLines(trace: model.runId.uuidString.lowercased())
        #expect(lines.count == tokens.count + 2, "start, every token, end")
        #expect(lines.filter { $0.contains("on_llm_new_token") }.count == tokens.count)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aRunStillGoingAtCloseIsInterrupted() async throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let recorder = HistoryRecorder(path: home.path, source: "run")
        let run = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "cut", runType: .chain)
        try recorder.handle(.chainStart(inputs: "x"), run: run)
        recorder.close()
        #expect(try HistoryStore.open(path: home.path).traces(TraceFilter()).map(\.status) == ["interrupted"])
    }

    @Test func twoRecordersWritingAtOnceLoseNothing() async throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let recorders = (0..<2).map { _ in HistoryRecorder(path: home.path, source: "run", interval: 0.001) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, recorder) in recorders.enumerated() {
                group.addTask {
                    for round in 0..<20 {
                        _ = try await Chains.stream(try Chains.joke("w\(index) r\(round) done"), ["animal": "cats"], handlers: [recorder])
                    }
                }
            }
            try await group.waitForAll()
        }
        let reports = recorders.map { $0.close() }
        #expect(reports.allSatisfy { $0.warnings.isEmpty }, "\(reports.flatMap { $0.warnings })")
        let store = try HistoryStore.open(path: home.path)
        let traces = try store.traces(TraceFilter(limit: 100))
        #expect(traces.count == 40)
        #expect(traces.allSatisfy { $0.runs == 4 && $0.status == "ok" && $0.events == 4 * 2 + 5 })
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aTraceAlreadyInTheHistoryIsNotWrittenTwice() async throws {
        let home = try TemporaryHistory()
        defer { home.remove() }
        let log = LineCollector()
        let first = HistoryRecorder(path: home.path, source: "run")
        _ = try await Chains.stream(try Chains.joke(), ["animal": "bears"], handlers: [first, EventLogRecorder { log.append($0) }])
        let id = try #require(first.close().traces.first)
        let again = HistoryRecorder(path: home.path, source: "import")
        for line in log.all {
            let value = try JSONParser.parse(line)
            let parent = value["parent_run_id"]?.stringValue.flatMap(UUID.init(uuidString:))
            let run = RunInfo(runId: UUID(uuidString: value["run_id"]!.stringValue!)!, parentRunId: parent, name: "x", runType: .chain)
            again.enqueue(QueuedEvent(event: .text("t"), run: run, time: Date(), line: line))
        }
        let report = again.close()
        #expect(report.skipped == [id] && report.traces.isEmpty)
        #expect(try HistoryStore.open(path: home.path).eventLines(trace: id).count == log.all.count)
    }
}

/// Token lines made from a cached prefix are exactly `EventLogFormat`'s.
@Suite struct TokenLineTests {
    @Test func fastTokenLinesEqualTheEventLogFormat() throws {
        let run = RunInfo(runId: UUIDv7.make(), parentRunId: UUIDv7.make(), name: "Chat \"model\"", runType: .chatModel,
                          tags: ["seq:step:2", "ü"], metadata: ["ls_provider": "x"])
        let first = Date(timeIntervalSince1970: 1_800_000_000.25)
        let firstLine = EventLogFormat.line(.newToken("Hi", chunk: nil), run: run, time: first).compactJSON()
        let prefix = try #require(TokenLine.prefix(of: firstLine, time: first, token: "Hi"))
        for (offset, token) in ["\"", "\\", "\n", "é", "😀 ok", "\u{1}", " "].enumerated() {
            let time = first.addingTimeInterval(Double(offset) * 0.001234)
            #expect(TokenLine.make(prefix: prefix, time: time, token: token)
                == EventLogFormat.line(.newToken(token, chunk: nil), run: run, time: time).compactJSON())
        }
    }

    @Test func tokenLinesAreMadeAgainByteForByte() throws {
        // Two runs whose tokens interleave, at times with every microsecond digit (one before 1970),
        // written over many batches: the export is what EventLogFormat makes of each event, exactly.
        let home = try TemporaryHistory()
        defer { home.remove() }
        let recorder = HistoryRecorder(path: home.path, source: "run", interval: 0.001)
        let root = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "Chat \"two\" ü", runType: .chain, tags: ["a b"])
        let models = (0..<2).map { RunInfo(runId: UUIDv7.make(), parentRunId: root.runId, name: "model \($0)", runType: .chatModel,
                                           tags: ["seq:step:\($0)"], metadata: ["ls_provider": "x y"]) }
        var expected: [String] = []
        func add(_ event: RunEvent, _ run: RunInfo, _ time: Date) {
            recorder.enqueue(QueuedEvent(event: event, run: run, time: time))
            expected.append(EventLogFormat.line(event, run: run, time: time).compactJSON())
        }
        var random = SplitMix64(seed: 7)
        var time = Date(timeIntervalSince1970: -1.000_001)
        add(.chainStart(inputs: ["q": "x"]), root, time)
        for model in models { add(.chatModelStart(messages: [[.human("go")]]), model, time) }
        let texts = ["\"", "\\", "\n", "é", "😀 ok", "\u{1}", " ", "", "#tokens", "plain"]
        for index in 0..<3_000 {
            time = time.addingTimeInterval(Double(random.next() % 3_000) / 1_000_000)
            let model = models[random.next() % 3 == 0 ? 1 : 0]
            add(.newToken(texts[index % texts.count] + String(index), chunk: nil), model, time)
        }
        for model in models { add(.llmEnd(LLMResult(generations: [[Generation(text: "done")]])), model, time) }
        add(.chainEnd(outputs: ["out": "done"], inputs: nil), root, time)
        let report = recorder.close()
        #expect(report.warnings.isEmpty)
        let lines = try HistoryStore.open(path: home.path).eventLines(trace: root.runId.uuidString.lowercased())
        #expect(lines.count == expected.count)
        for (index, (line, want)) in zip(lines, expected).enumerated() where line != want {
            Issue.record("line \(index): \(line) is not \(want)")
            break
        }
    }
}
