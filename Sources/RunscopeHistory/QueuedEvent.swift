import Foundation
import RunscopeCore

/// One event waiting for the writer: the event, its run, when it happened, and its
/// event-log line when it was read from a log (kept verbatim; else the writer makes it).
/// A token the recorder queues is kept in the slot itself as its text, its run's id and
/// its time (48 bytes): the history stores no more of it, the writer knows the run from
/// its start, and the chain thread writes little memory and shares no reference count
/// with the writer thread per token. A token given with its run (`init(event:run:time:)`)
/// keeps the run's reference instead of the id; any other event is boxed with its run and time.
public struct QueuedEvent: Sendable {
    private enum Storage: Sendable {
        case token(String, runId: UUID, time: Date)
        case runToken(String, run: RunInfo, time: Date)
        case event(Box)
    }

    private final class Box: Sendable {
        let event: RunEvent
        let run: RunInfo
        let time: Date
        let line: String?

        init(event: RunEvent, run: RunInfo, time: Date, line: String?) {
            // A token keeps its text only (its chunk is not stored).
            if case .newToken(let token, _) = event { self.event = .newToken(token, chunk: nil) } else { self.event = event }
            self.run = run
            self.time = time
            self.line = line
        }
    }

    private let storage: Storage

    /// An event for the history.
    public init(event: RunEvent, run: RunInfo, time: Date, line: String? = nil) {
        if line == nil, case .newToken(let token, _) = event {
            storage = .runToken(token, run: run, time: time)
        } else {
            storage = .event(Box(event: event, run: run, time: time, line: line))
        }
    }

    /// A token of the run `runId`, whose start event was queued before it.
    public init(token: String, runId: UUID, time: Date) {
        storage = .token(token, runId: runId, time: time)
    }

    /// The run's id.
    public var runId: UUID {
        switch storage {
        case .token(_, let runId, _): return runId
        case .runToken(_, let run, _): return run.runId
        case .event(let box): return box.run.runId
        }
    }

    /// Who the run is; `nil` for a token queued by its run's id (`init(token:runId:time:)`).
    public var run: RunInfo? {
        switch storage {
        case .token: return nil
        case .runToken(_, let run, _): return run
        case .event(let box): return box.run
        }
    }

    /// When it happened.
    public var time: Date {
        switch storage {
        case .token(_, _, let time), .runToken(_, _, let time): return time
        case .event(let box): return box.time
        }
    }

    /// Its event-log line, when it was read from a log.
    public var line: String? {
        if case .event(let box) = storage { return box.line }
        return nil
    }

    /// The event (a token's without its chunk).
    public var event: RunEvent {
        switch storage {
        case .token(let token, _, _), .runToken(let token, _, _): return .newToken(token, chunk: nil)
        case .event(let box): return box.event
        }
    }

    /// The token's text, when this is a token.
    var token: String? {
        switch storage {
        case .token(let token, _, _), .runToken(let token, _, _): return token
        case .event(let box):
            if case .newToken(let token, _) = box.event { return token }
            return nil
        }
    }

    /// The event-log line of this event, made with `known` when the event came without its run's description.
    func logLine(_ known: RunInfo?) -> String? {
        if let line { return line }
        guard let info = run ?? known else { return nil }
        return EventLogFormat.line(event, run: info, time: time).compactJSON()
    }
}
