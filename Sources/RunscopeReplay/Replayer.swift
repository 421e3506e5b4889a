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
        if let first = entries.first { clock.set(first.time) }
        for entry in entries {
            try await clock.waitUntilDue(entry.time)
            deliver(entry, to: handlers)
        }
        clock.finish()
    }

    /// Sends one entry now.
    public func deliver(_ entry: EventLogEntry, to handlers: [any CallbackHandler]) {
        clock.set(entry.time)
        for handler in handlers { try? entry.event.dispatch(to: handler, run: entry.run) }
    }

    /// Reads every line into entries; bad lines are counted by the reader.
    public static func entries(_ lines: [Substring], reader: inout EventLogReader) throws(EventLogError) -> [EventLogEntry] {
        var entries: [EventLogEntry] = []
        for line in lines {
            if let entry = try reader.read(line: line) { entries.append(entry) }
        }
        return entries
    }
}
