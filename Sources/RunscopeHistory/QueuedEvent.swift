import Foundation
import RunscopeCore

/// One event waiting for the writer: the event, its run, when it happened, and its
/// event-log line when it was read from a log (kept verbatim; else the writer makes it).
public struct QueuedEvent: Sendable {
    public var event: RunEvent
    public var run: RunInfo
    public var time: Date
    public var line: String?

    /// An event for the history.
    public init(event: RunEvent, run: RunInfo, time: Date, line: String? = nil) {
        self.event = event
        self.run = run
        self.time = time
        self.line = line
    }

    /// The event-log v1 line of this event.
    var logLine: String { line ?? EventLogFormat.line(event, run: run, time: time).compactJSON() }
}
