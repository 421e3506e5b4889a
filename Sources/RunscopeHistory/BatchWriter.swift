import Foundation
import GRDB
import RunscopeCore

/// Writes what changed in a `TraceIndex` since the last batch, in the caller's transaction:
/// event lines (one chunk per trace and batch, a stretch of tokens as one `TokenMarker`),
/// run rows, the tokens since the last batch (one `tokens` row per run and batch), the
/// full-text index and trace rows.
struct BatchWriter {
    let writer: WriterProcess
    let source: String

    /// Writes the batch and clears the index's changes.
    func write(_ index: inout TraceIndex, _ db: Database) throws {
        // Traces first: a run's full-text row is keyed by its trace's seq.
        for trace in index.touchedTraces {
            try writeLines(trace, db)
            summarize(trace, index.runs)
            try writeTrace(trace, db)
        }
        for run in index.touchedRuns { try write(run, traceSeq: index.traces[run.traceId]?.seq, db) }
        index.clearTouched()
    }

    private func writeLines(_ trace: TraceRecord, _ db: Database) throws {
        trace.closeStretch()
        guard trace.pendingCount > 0 else { return }
        try db.cachedStatement(sql: "INSERT INTO events (trace_id, chunk, lines) VALUES (?, ?, ?)")
            .execute(arguments: [Self.text(trace.id), trace.nextChunk, trace.pendingText])
        trace.nextChunk += 1
        trace.events += trace.pendingCount
        trace.pendingText = ""
        trace.pendingCount = 0
    }

    private func write(_ run: RunRecord, traceSeq: Int64?, _ db: Database) throws {
        if run.rowDirty || run.seq == nil {
            try upsert(run, db)
            if run.seq == nil { run.seq = try Int64.fetchOne(db, sql: "SELECT seq FROM runs WHERE id = ?", arguments: [Self.text(run.id)]) }
        } else if run.tokensDirty, let seq = run.seq {
            try db.cachedStatement(sql: "UPDATE runs SET streamed_tokens = ?, first_token_ms = ? WHERE seq = ?")
                .execute(arguments: [run.tokenCount, run.firstTokenMs, seq])
        }
        if run.textDirty, let traceSeq { try index(run, key: HistorySearch.key(trace: traceSeq, position: run.position), db) }
        if run.tokensDirty {
            // The tokens since the last batch, as the run's next row: each token is stored once.
            try db.cachedStatement(sql: "INSERT INTO tokens (run_id, chunk, trace_id, text, marks) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [Self.text(run.id), run.tokenChunk, Self.text(run.traceId), run.tokenText, run.marksJSON])
            run.tokensWritten()
        }
        run.rowDirty = false
        run.textDirty = false
    }

    /// The run row's insert-or-update, made once.
    private static let upsertSQL: String = {
        let columns = "id, trace_id, parent_id, position, name, run_type, status, start_time, end_time, tags, metadata, "
            + "inputs, outputs, output_text, error_type, error, input_tokens, output_tokens, total_tokens, "
            + "streamed_tokens, first_token_ms, cost_usd"
        let names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let updates = names.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO runs (\(columns)) VALUES (\(names.map { _ in "?" }.joined(separator: ", "))) "
            + "ON CONFLICT(id) DO UPDATE SET \(updates)"
    }()

    private func upsert(_ run: RunRecord, _ db: Database) throws {
        let arguments: [(any DatabaseValueConvertible)?] = [
            Self.text(run.id), Self.text(run.traceId), run.parentId.map(Self.text), run.position, run.name,
            run.runType.rawValue, run.status, run.start.timeIntervalSince1970, run.end?.timeIntervalSince1970,
            Value.array(run.tags.map(Value.string)).compactJSON(), Value.object(run.metadata).compactJSON(),
            run.inputs.compactJSON(), run.outputs?.compactJSON(), run.outputText, run.error?.type, run.error?.message,
            run.usage?.inputTokens, run.usage?.outputTokens, run.usage?.totalTokens, run.tokenCount, run.firstTokenMs, run.cost,
        ]
        try db.cachedStatement(sql: Self.upsertSQL).execute(arguments: StatementArguments(arguments))
    }

    /// The run's row of the full-text index (its rowid is `HistorySearch.key`: the trace's seq and the run's position).
    private func index(_ run: RunRecord, key: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM run_text WHERE rowid = ?").execute(arguments: [key])
        let error = run.error.map { "\($0.type) \($0.message)" } ?? ""
        try db.cachedStatement(sql: "INSERT INTO run_text (rowid, name, inputs, outputs, error, trace_id) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [key, run.name, RunShapes.searchText(run.inputs), RunShapes.searchText(run.outputs), error, Self.text(run.traceId)])
    }

    /// Totals from the runs in memory (kept as they were once the runs are dropped).
    private func summarize(_ trace: TraceRecord, _ runs: [UUID: RunRecord]) {
        guard !trace.runIds.isEmpty else { return }
        let records = trace.runIds.compactMap { runs[$0] }
        trace.runCount = records.count
        trace.tokens = records.filter(\.runType.isModel).reduce(0) { $0 + $1.tokens }
        let costs = records.compactMap(\.cost)
        trace.cost = costs.isEmpty ? nil : costs.reduce(0, +)
        if let root = runs[trace.id] { trace.name = root.name }
    }

    private func writeTrace(_ trace: TraceRecord, _ db: Database) throws {
        let duration = trace.end.map { Int(($0.timeIntervalSince(trace.start) * 1000).rounded()) }
        try db.cachedStatement(sql: """
            INSERT INTO traces (id, name, status, start_time, end_time, duration_ms, runs, tokens, cost_usd, source, writer_pid, writer_started, events)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, status = excluded.status, end_time = excluded.end_time,
              duration_ms = excluded.duration_ms, runs = excluded.runs, tokens = excluded.tokens, cost_usd = excluded.cost_usd,
              events = excluded.events
            """).execute(arguments: [
                Self.text(trace.id), trace.name, trace.status, trace.start.timeIntervalSince1970, trace.end?.timeIntervalSince1970,
                duration, trace.runCount, trace.tokens, trace.cost, source, writer.pid, writer.started, trace.events,
            ])
        if trace.seq == nil {
            trace.seq = try Int64.fetchOne(db, sql: "SELECT seq FROM traces WHERE id = ?", arguments: [Self.text(trace.id)])
        }
    }

    /// A run or trace id as stored: lower-case UUID text, as in the event log.
    static func text(_ id: UUID) -> String { id.lowercasedString }
}
