import Foundation
import RunscopeCore

/// One event waiting for the writer: the event, its run, when it happened, and its
/// event-log line when it was read from a log (kept verbatim; else the writer makes it).
/// A token is kept as its text alone (the history stores no more of it), so queueing one
/// copies a few words and touches none of the chunk the chain is still using; any other
/// event is boxed, which keeps the queue's slots small.
public struct QueuedEvent: Sendable {
    private enum Payload: Sendable {
        case token(String)
        case event(Box)
    }

    private final class Box: Sendable {
        let event: RunEvent
        init(_ event: RunEvent) { self.event = event }
    }

    private var payload: Payload
    public var run: RunInfo
    public var time: Date
    public var line: String?

    /// An event for the history.
    public init(event: RunEvent, run: RunInfo, time: Date, line: String? = nil) {
        if case .newToken(let token, _) = event {
            payload = .token(token)
        } else {
            payload = .event(Box(event))
        }
        self.run = run
        self.time = time
        self.line = line
    }

    /// The event (a token's without its chunk).
    public var event: RunEvent {
        switch payload {
        case .token(let token): return .newToken(token, chunk: nil)
        case .event(let box): return box.event
        }
    }

    /// The token's text, when this is a token.
    var token: String? {
        if case .token(let token) = payload { return token }
        return nil
    }

    /// The event-log line of this event.
    var logLine: String { line ?? EventLogFormat.line(event, run: run, time: time).compactJSON() }
}
