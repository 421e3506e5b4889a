import Foundation
import RunscopeCore

/// Replays read entries to handlers, with the recorded timing (sped up or slowed
/// down) or at once; the replay clock carries each entry's recorded time.
public struct Replayer: Sendable {
    /// How fast: 1 is as recorded, 2 twice as fast, `nil` at once.
    public var speed: Double?
    public let clock: ReplayClock

    /// A replayer at `speed` (`nil`: instant) stamping events through `clock`.
    public init(speed: Double?, clock: ReplayClock) {
        self.speed = speed
        self.clock = clock
    }

    /// Sends every entry to every handler, waiting between them as recorded.
    public func replay(_ entries: [EventLogEntry], to handlers: [any CallbackHandler]) async throws {
        guard let first = entries.first else { return }
        let start = ContinuousClock.now
        for entry in entries {
            if let speed, speed > 0 {
                let offset = entry.time.timeIntervalSince(first.time) / speed
                try await Task.sleep(until: start.advanced(by: .seconds(max(0, offset))), clock: .continuous)
            }
            deliver(entry, to: handlers)
        }
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
