import Foundation
import RunscopeCore

/// One event read back from an event log: the event, its run and when it happened.
public struct EventLogEntry: Sendable {
    public let event: RunEvent
    public let run: RunInfo
    public let time: Date
}

/// Why an event log cannot be read at all (bad lines are skipped instead).
public struct EventLogError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
