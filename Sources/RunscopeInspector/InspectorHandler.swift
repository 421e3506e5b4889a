import Foundation
import RunscopeCore

/// Hands the chain's events to the inspector without ever blocking the chain:
/// each event is appended to a lock-protected array (a short critical
/// section, no allocation beyond the array's growth, no wake-up), and the UI
/// takes the whole array once per frame with ``drain()``.
public final class InspectorHandler: RunEventHandler {
    private let pending = Locked<[TimedEvent]>([])
    private let clock: @Sendable () -> Date

    /// A handler stamping events with `clock` (the wall clock by default).
    public init(clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
    }

    /// Queues one event for the UI.
    public func handle(_ event: RunEvent, run: RunInfo) {
        let item = TimedEvent(event, run: run, time: clock())
        pending.withLock { $0.append(item) }
    }

    /// Takes every queued event, oldest first.
    public func drain() -> [TimedEvent] {
        pending.withLock { queue in
            guard !queue.isEmpty else { return [] }
            var taken: [TimedEvent] = []
            taken.reserveCapacity(queue.count)
            swap(&taken, &queue)
            return taken
        }
    }

    /// The number of queued events.
    public var pendingCount: Int { pending.withLock { $0.count } }
}
