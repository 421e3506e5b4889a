import Foundation
import RunscopeCore

/// The clock of a replayed or followed run: the recorded time of the last event
/// delivered, moving on with the wall clock at the replay's speed between events,
/// frozen while paused or when the replay is over. Handlers and the inspector read
/// it instead of the wall clock, so every time shown is a recorded one.
public final class ReplayClock: Sendable {
    private struct State {
        var anchor: Date?
        var anchorWall = Date()
        var speed: Double?
        var paused = false
        var steps = 0
        /// Events delivered so far.
        var delivered = 0
        var finished = false
        var skipped = 0
        var mode: String
        var waitingFor: String?
        var detail: String?
        /// While an event is delivered: the clock stands at its time.
        var holding = false
    }

    private let state: Locked<State>

    /// A clock for a replay at `speed` (`nil`: instant, the clock moves only with
    /// events), or for following a live log (`following: true`).
    public init(speed: Double? = nil, following: Bool = false) {
        state = Locked(State(speed: following ? 1 : speed, mode: following ? "following" : "replay"))
    }

    /// The recorded time now (the epoch before the first event).
    public func now() -> Date {
        state.withLock { Self.now($0) }
    }

    private static func now(_ state: State) -> Date {
        guard let anchor = state.anchor else { return Date(timeIntervalSince1970: 0) }
        guard let speed = state.speed, !state.paused, !state.finished, !state.holding else { return anchor }
        return anchor.addingTimeInterval(Date().timeIntervalSince(state.anchorWall) * speed)
    }

    /// Moves the clock to an event's recorded time.
    public func set(_ time: Date) {
        state.withLock { state in
            state.anchor = time
            state.anchorWall = Date()
        }
    }

    /// Delivers an event recorded at `time`: the clock stands at `time` while `body` runs
    /// (every handler reads the event's own time, however long the others take), then moves
    /// on as `set(_:)` would have it.
    public func deliver(at time: Date, _ body: () -> Void) {
        state.withLock { state in
            state.anchor = time
            state.anchorWall = Date()
            state.holding = true
            state.delivered += 1
        }
        body()
        state.withLock { $0.holding = false }
    }

    /// The replay delivered its last event: the clock stops there.
    public func finish() {
        state.withLock { $0.finished = true }
    }

    /// Pauses or resumes (the clock freezes while paused).
    /// The time is read under the same lock that changes the state, so an event set in
    /// between cannot be overwritten by a stale time.
    public func togglePause() {
        state.withLock { state in
            let now = Self.now(state)
            state.paused.toggle()
            if state.anchor != nil { state.anchor = now }
            state.anchorWall = Date()
        }
    }

    /// While paused, lets one more event through.
    public func step() {
        state.withLock { state in if state.paused { state.steps += 1 } }
    }

    /// Whether the replay is paused.
    public var isPaused: Bool { state.withLock { $0.paused } }

    /// Notes lines the reader skipped, for the header.
    public func noteSkipped(_ count: Int) {
        state.withLock { $0.skipped = count }
    }

    /// Notes that the log to follow does not exist yet (`nil`: it appeared), for the header.
    public func noteWaiting(for file: String?) {
        state.withLock { $0.waitingFor = file }
    }

    /// Notes what the source says of itself (`runscope otlp`: service, trace, spans waiting), for the header.
    public func noteDetail(_ text: String?) {
        state.withLock { $0.detail = text }
    }

    /// What the inspector's header says: `replay ×2`, `paused at event 12` (the events
    /// delivered so far, so each step shows as one more), `replay ended`, `following`,
    /// `waiting for live.jsonl to appear`.
    public var label: String {
        state.withLock { state in
            if let file = state.waitingFor { return "waiting for \(file) to appear" }
            if state.finished { return "\(state.mode) ended" }
            if state.paused { return "paused at event \(state.delivered) (Space resumes, . steps)" }
            guard state.mode == "replay" else { return state.detail.map { "\(state.mode) · \($0)" } ?? state.mode }
            guard let speed = state.speed else { return "replay" }
            return speed == 1 ? "replay" : "replay ×\(speed.formatted())"
        }
    }

    /// Lines skipped so far.
    public var skipped: Int { state.withLock { $0.skipped } }

    /// Waits until the event recorded at `time` is due: the clock has reached it, or a
    /// step was asked for while paused. With no speed (instant), only a pause waits; nor
    /// does anything else when following a live log, whose events happened when they were
    /// written (pacing them by their times carried each line's delay over to the next:
    /// `tail` showed lines some 40 ms late, the time its first line took).
    public func waitUntilDue(_ time: Date) async throws {
        while true {
            try Task.checkCancellation()
            let verdict: Double? = state.withLock { state in
                if state.paused {
                    if state.steps > 0 { state.steps -= 1; return nil }
                    return 0.02
                }
                guard state.mode != "following", let speed = state.speed, let anchor = state.anchor else { return nil }
                let current = anchor.addingTimeInterval(Date().timeIntervalSince(state.anchorWall) * speed)
                let remaining = time.timeIntervalSince(current) / speed
                return remaining <= 0 ? nil : min(remaining, 0.05)
            }
            guard let wait = verdict else { return }
            try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
        }
    }
}
