import Foundation
import Synchronization

/// The time of the event being replayed, so handlers stamp events with their
/// recorded times instead of the time of the replay.
public final class ReplayClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 0))

    /// A clock at the epoch until the first event is set.
    public init() {}

    /// The recorded time of the current event.
    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock to `time`.
    public func set(_ time: Date) { current.withLock { $0 = time } }
}
