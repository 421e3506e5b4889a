import Foundation
import RunscopeCore

/// Replays read entries to handlers with the recorded timing, at the speed of its
/// clock (sped up, slowed down, instant), pausing and stepping as the clock says;
/// the clock carries each entry's recorded time to the handlers.
public struct Replayer: Sendable {
    public let clock: ReplayClock

    /// A replayer driven by `clock`.
    public init(clock: ReplayClock) {
        self.clock = clock
    }

    /// Sends every entry to every handler, each when it is due; the clock stops at the end.
    public func replay(_ entries: [EventLogEntry], to handlers: [any CallbackHandler]) async throws {
        var rest = entries.makeIterator()
        try await replay(first: rest.next(), next: { rest.next() }, to: handlers)
    }

    /// Replays `log` as it is read, from its `first` entry (``EventLogFile/first()``): each
    /// entry is read when the one before it was delivered, so the first shows at once
    /// however long the log, and the header's count of skipped lines grows as they are met.
    public func replay(_ log: EventLogFile, first: EventLogEntry?, to handlers: [any CallbackHandler]) async throws {
        var noted = log.passedOver
        try await replay(first: first, next: { () throws(EventLogError) -> EventLogEntry? in
            let entry = try log.next()
            let passedOver = log.passedOver
            if passedOver != noted {
                noted = passedOver
                clock.noteSkipped(passedOver)
            }
            return entry
        }, to: handlers)
    }

    private func replay(
        first: EventLogEntry?, next: () throws(EventLogError) -> EventLogEntry?, to handlers: [any CallbackHandler]
    ) async throws {
        if let first { clock.set(first.time) }
        var entry = first
        while let current = entry {
            try await clock.waitUntilDue(current.time)
            deliver(current, to: handlers)
            entry = try next()
        }
        clock.finish()
    }

    /// Sends one entry now; every handler sees the clock at the entry's time.
    public func deliver(_ entry: EventLogEntry, to handlers: [any CallbackHandler]) {
        clock.deliver(at: entry.time) {
            for handler in handlers { try? entry.event.dispatch(to: handler, run: entry.run) }
        }
    }

    /// Reads every line into entries; bad lines are counted by the reader. A log in
    /// which no line is an event (a chain file, say, or an empty file) is an error.
    public static func entries(_ lines: [Substring], reader: inout EventLogReader) throws(EventLogError) -> [EventLogEntry] {
        var entries: [EventLogEntry] = []
        for line in lines {
            if let entry = try reader.read(line: line) { entries.append(entry) }
        }
        if entries.isEmpty, reader.duplicates == 0 { throw notAnEventLog(reader) }
        return entries
    }

    /// The error for a log in which no line is an event, with what the reader found instead.
    static func notAnEventLog(_ reader: EventLogReader) -> EventLogError {
        let what = switch reader.skipped {
        case 0: "it has no lines"
        case 1: "its one line is not an event"
        default: "none of its \(reader.skipped) lines is an event"
        }
        return EventLogError(message: "\(reader.source): not an event log: \(what) "
            + "(each line of an event log is a JSON object with \"v\": 1, \"event\", \"run_id\" and \"time\")")
    }
}
