import Foundation
import RunscopeCore

/// The writer's view of the traces it is writing: which trace each run belongs to,
/// the runs and traces changed since the last batch, and their pending event lines.
/// Runs of finished traces are dropped from memory once written.
struct TraceIndex {
    var runs: [UUID: RunRecord] = [:]
    var traces: [UUID: TraceRecord] = [:]
    var traceOf: [UUID: UUID] = [:]
    var touchedRuns: Set<UUID> = []
    var touchedTraces: Set<UUID> = []
    /// Per streaming run, its token lines up to the time.
    var tokenPrefixes: [UUID: String] = [:]
    /// Traces found already in the history (not written again), in the order met.
    private(set) var skippedTraces: [UUID] = []

    /// Takes one event. `storedTrace` finds the trace of a run written earlier;
    /// `traceExists` says whether a trace is already in the database.
    mutating func apply(_ item: QueuedEvent, storedTrace: (UUID) -> UUID?, traceExists: (UUID) -> Bool) {
        let runId = item.run.runId
        let traceId = trace(of: item.run, storedTrace: storedTrace)
        if traces[traceId] == nil {
            var record = TraceRecord(id: traceId, name: item.run.name, start: item.time)
            if traceExists(traceId) {
                record.skipped = true
                skippedTraces.append(traceId)
            }
            traces[traceId] = record
        }
        guard traces[traceId]?.skipped == false else { return }
        traces[traceId]!.pendingLines.append(line(of: item))
        touchedTraces.insert(traceId)
        if runs[runId] == nil {
            guard !isCustom(item.event), traceOf[runId] == nil else { return }
            let position = traces[traceId]!.runIds.count + 1
            runs[runId] = RunRecord(run: item.run, traceId: traceId, position: position, event: item.event, time: item.time)
            traces[traceId]!.runIds.append(runId)
            traceOf[runId] = traceId
        }
        runs[runId]!.apply(item.event, time: item.time)
        touchedRuns.insert(runId)
        if runId == traceId, item.event.isEnd, let root = runs[runId] {
            traces[traceId]!.end = root.end
            traces[traceId]!.status = root.status
        }
    }

    /// The event-log line; a token's line is its run's cached prefix with the time and token
    /// (the same text `EventLogFormat` makes, without encoding the run's fields again per token).
    private mutating func line(of item: QueuedEvent) -> String {
        guard item.line == nil, case .newToken(let token, _) = item.event else { return item.logLine }
        if let prefix = tokenPrefixes[item.run.runId] { return TokenLine.make(prefix: prefix, time: item.time, token: token) }
        let line = item.logLine
        if let prefix = TokenLine.prefix(of: line, time: item.time, token: token) { tokenPrefixes[item.run.runId] = prefix }
        return line
    }

    /// The trace of a run: its own when it has no parent, else its parent's (the parent's id when never seen).
    private mutating func trace(of run: RunInfo, storedTrace: (UUID) -> UUID?) -> UUID {
        if let known = traceOf[run.runId] { return known }
        guard let parent = run.parentRunId else { return run.runId }
        if let known = traceOf[parent] ?? storedTrace(parent) ?? storedTrace(run.runId) { return known }
        return parent
    }

    private func isCustom(_ event: RunEvent) -> Bool {
        if case .custom = event { return true }
        return false
    }

    /// Marks every run still running, and its trace, as interrupted (the process is ending).
    mutating func interruptAll() {
        for (id, run) in runs where run.end == nil {
            runs[id]!.interrupt()
            touchedRuns.insert(id)
            if traces[run.traceId]?.status == "running" {
                traces[run.traceId]!.status = "interrupted"
                touchedTraces.insert(run.traceId)
            }
        }
    }

    /// Drops the runs of traces whose root has ended (after they were written).
    mutating func evictFinished() {
        for (id, trace) in traces where trace.end != nil && !trace.runIds.isEmpty {
            for runId in trace.runIds {
                runs[runId] = nil
                traceOf[runId] = nil
                tokenPrefixes[runId] = nil
            }
            traces[id]!.runIds = []
        }
    }
}
