import Foundation
import RunscopeCore
import RunscopeInspector

/// Made-up runs and tokens for benchmarks and tests: a root chain with `runs - 1`
/// runs below it in two levels (every fifth one a chat model), at fixed times.
public enum SyntheticRuns {
    /// A run's info: `index` 0 is the root.
    public static func info(_ index: Int, ids: [UUID]) -> RunInfo {
        let parent: UUID? = index == 0 ? nil : (index <= 1000 ? ids[0] : ids[(index % 1000) + 1])
        let type: RunType = index > 0 && index % 5 == 0 ? .chatModel : .chain
        return RunInfo(runId: ids[index], parentRunId: parent, name: type == .chatModel ? "ChatModel \(index)" : "Step \(index)",
                       runType: type, tags: ["seq:step:\(index % 7 + 1)"])
    }

    /// Start events of `runs` runs (ids in start order).
    public static func starts(runs: Int, base: Date) -> (ids: [UUID], events: [TimedEvent]) {
        let ids = (0..<runs).map { _ in UUID() }
        let events = (0..<runs).map { index -> TimedEvent in
            let info = Self.info(index, ids: ids)
            let event: RunEvent = info.runType.isModel ? .chatModelStart(messages: [[.human("hi \(index)")]]) : .chainStart(inputs: ["n": .int(index)])
            return TimedEvent(event, run: info, time: base.addingTimeInterval(Double(index) * 1e-4))
        }
        return (ids, events)
    }

    /// A state holding `runs` started runs, sized `width` × `height`.
    public static func state(runs: Int, width: Int, height: Int) -> InspectorState {
        let base = Date(timeIntervalSinceReferenceDate: 700_000_000)
        var state = InspectorState(title: "synthetic.json", width: width, height: height, now: base)
        _ = reduce(&state, .chainStarted(base))
        let (_, events) = starts(runs: runs, base: base)
        var offset = 0
        while offset < events.count {
            let batch = Array(events[offset..<min(events.count, offset + 10_000)])
            _ = reduce(&state, .events(batch))
            offset += batch.count
        }
        return state
    }
}
