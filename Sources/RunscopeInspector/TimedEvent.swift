import Foundation
import RunscopeCore

/// One callback event of a run with the time it was handed to the inspector.
public struct TimedEvent: Sendable {
    /// What happened.
    public var event: RunEvent
    /// Which run it happened to.
    public var run: RunInfo
    /// When the handler saw it.
    public var time: Date

    /// An event of `run` seen at `time`.
    public init(_ event: RunEvent, run: RunInfo, time: Date) {
        self.event = event
        self.run = run
        self.time = time
    }
}
