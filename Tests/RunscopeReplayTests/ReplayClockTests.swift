import Foundation
import RunscopeCore
import RunscopeReplay
import Testing

/// ReplayClock under concurrent use.
@Suite struct ReplayClockTests {
    @Test func pausingFreezesTheClockWhereItWas() {
        let clock = ReplayClock(speed: 1)
        let start = Date(timeIntervalSince1970: 1_000)
        clock.set(start)
        clock.togglePause()
        let paused = clock.now()
        #expect(paused >= start && paused < start.addingTimeInterval(60))
        #expect(clock.now() == paused)
        clock.togglePause()
        #expect(clock.now() >= paused)
    }

    /// A pause toggled while events move the clock must not put back an older time.
    @Test func togglingPauseNeverMovesTheClockBack() async {
        let clock = ReplayClock()
        clock.set(Date(timeIntervalSince1970: 0))
        let backwards = Locked(0)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for i in 1...20_000 { clock.set(Date(timeIntervalSince1970: Double(i))) } }
            group.addTask { for _ in 0..<20_000 { clock.togglePause() } }
            group.addTask {
                var last = clock.now()
                for _ in 0..<20_000 {
                    let now = clock.now()
                    if now < last { backwards.withLock { $0 += 1 } }
                    last = now
                }
            }
        }
        #expect(backwards.withLock { $0 } == 0)
        #expect(clock.now() == Date(timeIntervalSince1970: 20_000))
    }

    /// While paused, a step lets exactly one event through, and the header counts the
    /// events delivered (so a step shows as one more).
    @Test func aStepLetsOneEventThroughAndTheHeaderCountsIt() async throws {
        let clock = ReplayClock(speed: 1)
        let start = Date(timeIntervalSince1970: 1_000)
        clock.deliver(at: start) {}
        clock.togglePause()
        #expect(clock.label == "paused at event 1 (Space resumes, . steps)")
        let due = Locked(0)
        let waiter = Task {
            for offset in 1...2 {
                try await clock.waitUntilDue(start.addingTimeInterval(Double(offset) / 1000))
                clock.deliver(at: start.addingTimeInterval(Double(offset) / 1000)) {}
                due.withLock { $0 += 1 }
            }
        }
        clock.step()
        while due.withLock({ $0 }) < 1 { await Task.yield() }
        #expect(clock.label == "paused at event 2 (Space resumes, . steps)")
        // No second step: the second event stays held however long the waiter runs, until resumed.
        #expect(due.withLock { $0 } == 1)
        clock.togglePause()
        try await waiter.value
        #expect(due.withLock { $0 } == 2)
        #expect(clock.label == "replay")
    }
}
