import Foundation
import RunscopeCore
import RunscopePricing

/// The writer's view of the traces it is writing: which trace each run belongs to,
/// the runs and traces changed since the last batch, and their pending event lines.
/// Runs of finished traces are dropped from memory once written. The run of the last
/// event is kept at hand, so a stream of tokens finds its run and trace without lookups.
struct TraceIndex {
    /// What model runs cost, for those whose result does not say (`llm_output.cost_usd`).
    var prices: PriceTable = .builtIn
    var runs: [UUID: RunRecord] = [:]
    var traces: [UUID: TraceRecord] = [:]
    /// Runs and traces changed since the last batch, in the order first changed.
    var touchedRuns: [RunRecord] = []
    var touchedTraces: [TraceRecord] = []
    /// Traces found already in the history (not written again), in the order met.
    private(set) var skippedTraces: [UUID] = []
    /// The run of the last event and its trace.
    private var last: (run: RunRecord, trace: TraceRecord)?

    /// Takes one event. `storedTrace` finds the trace of a run written earlier;
    /// `traceExists` says whether a trace is already in the database.
    mutating func apply(_ item: QueuedEvent, storedTrace: (UUID) -> UUID?, traceExists: (UUID) -> Bool) {
        let runId = item.runId
        if let last, last.run.id == runId {
            take(item, run: last.run, trace: last.trace)
            return
        }
        guard let info = item.run else {
            // A token queued by its run's id: its run is known from its start event (else it
            // has nothing to go with, which a recorder's own runs never do, and is left out).
            guard let run = runs[runId], let trace = traces[run.traceId], !trace.skipped else { return }
            last = (run, trace)
            take(item, run: run, trace: trace)
            return
        }
        let traceId = trace(of: info, storedTrace: storedTrace)
        let trace = traces[traceId] ?? newTrace(traceId, item, name: info.name, traceExists: traceExists)
        guard !trace.skipped else { return }
        guard let run = runs[runId] ?? newRun(item, info: info, trace: trace) else {
            // An event of no run kept here (a custom event before its run's start): its line only.
            appendLine(of: item, run: nil, to: trace)
            touch(trace)
            return
        }
        last = (run, trace)
        take(item, run: run, trace: trace)
    }

    /// Adds the event's line to its trace and the event to its run.
    private mutating func take(_ item: QueuedEvent, run: RunRecord, trace: TraceRecord) {
        appendLine(of: item, run: run, to: trace)
        touch(trace)
        touch(run)
        if let token = item.token {
            // A token, the most frequent event by far: taken without making its RunEvent.
            run.addToken(token, time: item.time)
            return
        }
        let event = item.event
        run.apply(event, time: item.time)
        if case .llmEnd(let result) = event, run.cost == nil { run.cost = prices.cost(of: result, metadata: run.metadata)?.dollars }
        if run.id == trace.id, event.isEnd {
            trace.end = run.end
            trace.status = run.status
        }
    }

    private mutating func newTrace(_ id: UUID, _ item: QueuedEvent, name: String, traceExists: (UUID) -> Bool) -> TraceRecord {
        let record = TraceRecord(id: id, name: name, start: item.time)
        if traceExists(id) {
            record.skipped = true
            skippedTraces.append(id)
        }
        traces[id] = record
        return record
    }

    /// The record of a run met for the first time (none for a custom event).
    private mutating func newRun(_ item: QueuedEvent, info: RunInfo, trace: TraceRecord) -> RunRecord? {
        let runId = item.runId
        guard !isCustom(item.event) else { return nil }
        let record = RunRecord(run: info, traceId: trace.id, position: trace.runIds.count + 1, event: item.event, time: item.time)
        runs[runId] = record
        trace.runIds.append(runId)
        return record
    }

    private mutating func touch(_ trace: TraceRecord) {
        guard !trace.touched else { return }
        trace.touched = true
        touchedTraces.append(trace)
    }

    private mutating func touch(_ run: RunRecord) {
        guard !run.touched else { return }
        run.touched = true
        touchedRuns.append(run)
    }

    /// Forgets what changed (once written).
    mutating func clearTouched() {
        for run in touchedRuns { run.touched = false }
        for trace in touchedTraces { trace.touched = false }
        touchedRuns.removeAll(keepingCapacity: true)
        touchedTraces.removeAll(keepingCapacity: true)
    }

    /// Appends the event-log line. A token of a run whose line prefix is known (see
    /// `TokenLine`) is only counted: its text and time go to `tokens`, and its line is
    /// made again on reading (`TokenMarker`).
    private mutating func appendLine(of item: QueuedEvent, run: RunRecord?, to trace: TraceRecord) {
        guard item.line == nil, let token = item.token, let run else {
            trace.startLine()
            trace.pendingText += item.logLine(run?.info) ?? ""
            return
        }
        if run.tokenPrefix != nil {
            trace.addToken(of: run, index: run.tokenCount)
            return
        }
        trace.startLine()
        let line = item.logLine(run.info) ?? ""
        trace.pendingText += line
        run.tokenPrefix = TokenLine.prefix(of: line, time: item.time, token: token)
    }

    /// The trace of a run: its own when it has no parent, else its parent's (the parent's id when never seen).
    private mutating func trace(of run: RunInfo, storedTrace: (UUID) -> UUID?) -> UUID {
        if let known = runs[run.runId]?.traceId { return known }
        guard let parent = run.parentRunId else { return run.runId }
        if let known = runs[parent]?.traceId ?? storedTrace(parent) ?? storedTrace(run.runId) { return known }
        return parent
    }

    private func isCustom(_ event: RunEvent) -> Bool {
        if case .custom = event { return true }
        return false
    }

    /// Marks every run still running, and its trace, as interrupted (the process is ending).
    mutating func interruptAll() {
        for run in runs.values where run.end == nil {
            run.interrupt()
            touch(run)
            if let trace = traces[run.traceId], trace.status == "running" {
                trace.status = "interrupted"
                touch(trace)
            }
        }
    }

    /// Drops the runs of traces whose root has ended (after they were written).
    mutating func evictFinished() {
        last = nil
        for trace in traces.values where trace.end != nil && !trace.runIds.isEmpty {
            for runId in trace.runIds {
                runs[runId] = nil
            }
            trace.runIds = []
        }
    }
}
