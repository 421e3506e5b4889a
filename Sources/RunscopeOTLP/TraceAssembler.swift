import Foundation
import RunscopeCore

/// Puts received runs in an order handlers can follow: a run's start before its
/// children's, each run started once and ended once.
///
/// Exporters send a span when it ends, so children usually arrive before their parent:
/// a run whose parent has not started waits for it, and comes out (with every run that
/// waited under it) right after the parent's start. A Logfire pending span starts its run
/// early, so what happens under it shows at once. A span sent again (an exporter's retry)
/// is left out. `flush()` shows what still waits as roots, when the receiver stops.
public struct TraceAssembler: Sendable {
    /// Per trace, its runs that started (by span id), and whether each ended.
    private var traces: [ReceivedRun.Key.Trace: [UInt64: Bool]] = [:]
    private var traceOrder: [ReceivedRun.Key.Trace] = []
    private var waiting: [ReceivedRun.Key: [ReceivedRun]] = [:]
    /// Runs waiting for their parent now.
    public private(set) var waitingCount = 0
    /// How many traces' ids are kept to recognise late children and repeats.
    public let keptTraces: Int
    /// How many runs may wait at most; past it, a new orphan is shown at once as a root.
    public let waitLimit: Int

    /// An assembler that remembers the last `keptTraces` traces and lets at most `waitLimit` runs wait.
    public init(keptTraces: Int = 10_000, waitLimit: Int = 100_000) {
        self.keptTraces = keptTraces
        self.waitLimit = waitLimit
    }

    /// The events that can be delivered now that `run` arrived (none while it waits).
    public mutating func receive(_ run: ReceivedRun) -> [ReceivedEvent] {
        var out: [ReceivedEvent] = []
        receive(run, into: &out)
        return out
    }

    /// As `receive(_:)`, appending to `out`.
    public mutating func receive(_ run: ReceivedRun, into out: inout [ReceivedEvent]) {
        if traces[run.key.trace]?[run.key.span] == true { return }
        if let parent = run.parent, traces[parent.trace]?[parent.span] == nil {
            guard waitingCount < waitLimit else {
                emit(orphan(run), into: &out)
                return
            }
            waiting[parent, default: []].append(run)
            waitingCount += 1
            return
        }
        emit(run, into: &out)
    }

    /// Every run still waiting, as a root (with `otel.parent_span_id`, `otel.trace_id` and
    /// `otel.service.name` in its metadata), and what waited under it.
    public mutating func flush() -> [ReceivedEvent] {
        var out: [ReceivedEvent] = []
        while !waiting.isEmpty {
            let children = Set(waiting.values.joined().map(\.key))
            var tops = waiting.keys.filter { !children.contains($0) }
            // Only a cycle of parents is left: break it anywhere.
            if tops.isEmpty, let any = waiting.keys.first { tops = [any] }
            let orphans = tops.flatMap { waiting.removeValue(forKey: $0) ?? [] }.sorted { $0.start < $1.start }
            waitingCount -= orphans.count
            for run in orphans { emit(orphan(run), into: &out) }
        }
        return out
    }

    /// `run` as a root that keeps its parent's span id in its metadata.
    private func orphan(_ run: ReceivedRun) -> ReceivedRun {
        var note: ValueObject = ["otel.trace_id": .string(run.key.traceHex)]
        if let parent = run.parent { note["otel.parent_span_id"] = .string(parent.spanHex) }
        if let service = run.service, run.run.metadata["otel.service.name"] == nil { note["otel.service.name"] = .string(service) }
        return run.reparented(to: nil, parentRunId: nil, note: note)
    }

    /// Starts `run` (unless its start came already), lets out the runs waiting under it, then ends it.
    private mutating func emit(_ run: ReceivedRun, into out: inout [ReceivedEvent]) {
        let state = traces[run.key.trace]?[run.key.span]
        // A copy that waited beside the first (an exporter's retry before the parent came).
        if state == true { return }
        if state == nil {
            out.append(ReceivedEvent(event: run.startEvent, run: run.run, time: run.start))
            mark(run.key, ended: false)
        }
        if let children = waiting.removeValue(forKey: run.key) {
            waitingCount -= children.count
            for child in children.sorted(by: { $0.start < $1.start }) { emit(child, into: &out) }
        }
        // A copy released just now may have ended it (a span filed under its own id).
        guard let end = run.end, let endEvent = run.endEvent, traces[run.key.trace]?[run.key.span] != true else { return }
        out.append(contentsOf: run.middle)
        out.append(ReceivedEvent(event: endEvent, run: run.run, time: end))
        mark(run.key, ended: true)
    }

    private mutating func mark(_ key: ReceivedRun.Key, ended: Bool) {
        if traces[key.trace] == nil {
            traceOrder.append(key.trace)
            if traceOrder.count > keptTraces * 2 { forgetOldTraces() }
        }
        traces[key.trace, default: [:]][key.span] = ended
    }

    /// Forgets the oldest traces past `keptTraces` (a child of one of them arriving later waits as an orphan).
    private mutating func forgetOldTraces() {
        let old = traceOrder.prefix(traceOrder.count - keptTraces)
        for trace in old { traces.removeValue(forKey: trace) }
        traceOrder.removeFirst(old.count)
    }
}
