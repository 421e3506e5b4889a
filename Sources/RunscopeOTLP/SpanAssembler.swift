import Foundation
import RunscopeCore

/// Collects each run's events until the run ends, then hands back its `SpanRecord`.
///
/// A run belongs to the trace of its parent; a run whose parent it never saw start is the
/// root of a trace of its own. What it keeps of a trace is forgotten when the trace's root ends.
public struct SpanAssembler: Sendable {
    private var open: [UUID: SpanRecord] = [:]
    private var rootOf: [UUID: UUID] = [:]
    private var members: [UUID: [UUID]] = [:]
    /// Whether to keep each token's text and time (for token events).
    public let keepTokens: Bool

    /// An assembler with nothing open.
    public init(keepTokens: Bool = false) {
        self.keepTokens = keepTokens
    }

    /// Runs started and not ended yet.
    public var openCount: Int { open.count }

    /// Takes one event; returns the run's record when the event ended it.
    public mutating func add(_ event: RunEvent, run: RunInfo, time: Date) -> SpanRecord? {
        if event.isStart {
            start(run, event, time)
            return nil
        }
        guard var record = open[run.runId] else { return nil }
        switch event {
        case .newToken(let token, _):
            note(token: token, in: &record, time: time)
        case .retry(let retry):
            record.events.append(SpanRecord.Event(name: "retry", time: time, data: [
                "attempt_number": .int(retry.attemptNumber), "error": .string(retry.error.description),
                "wait_seconds": .double(retry.waitSeconds),
            ]))
        case .custom(let name, let data):
            record.events.append(SpanRecord.Event(name: "custom_event", time: time, data: ["name": .string(name), "data": data]))
        case .text(let text):
            record.events.append(SpanRecord.Event(name: "text", time: time, data: .string(text)))
        default:
            record.end = time
            record.endEvent = event
            return finish(record)
        }
        open[run.runId] = record
        return nil
    }

    /// Takes a streamed token of run `runId` (the exporter's fast path: no event value).
    public mutating func addToken(_ token: String, runId: UUID, time: Date) {
        guard let index = open.index(forKey: runId) else { return }
        note(token: token, in: &open.values[index], time: time)
    }

    /// The runs still open, in start order, and forgets them (at close: they never ended).
    public mutating func drainOpen() -> [SpanRecord] {
        let records = open.values.sorted { $0.start < $1.start }
        open = [:]
        rootOf = [:]
        members = [:]
        return records
    }

    private mutating func start(_ run: RunInfo, _ event: RunEvent, _ time: Date) {
        let root = run.parentRunId.flatMap { rootOf[$0] } ?? run.runId
        rootOf[run.runId] = root
        members[root, default: []].append(run.runId)
        open[run.runId] = SpanRecord(run: run, root: root, start: time, startEvent: event)
    }

    private func note(token: String, in record: inout SpanRecord, time: Date) {
        if record.firstToken == nil { record.firstToken = time }
        record.tokenCount += 1
        if keepTokens { record.tokens.append(SpanRecord.Token(text: token, time: time)) }
    }

    private mutating func finish(_ record: SpanRecord) -> SpanRecord {
        open[record.run.runId] = nil
        if record.root == record.run.runId, let runs = members.removeValue(forKey: record.root) {
            for id in runs { rootOf[id] = nil }
        }
        return record
    }
}
