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

    /// The start event of run `index` (ids in start order).
    public static func start(_ index: Int, ids: [UUID], base: Date) -> TimedEvent {
        let info = Self.info(index, ids: ids)
        let event: RunEvent = info.runType.isModel ? .chatModelStart(messages: [[.human("hi \(index)")]]) : .chainStart(inputs: ["n": .int(index)])
        return TimedEvent(event, run: info, time: base.addingTimeInterval(Double(index) * 1e-4))
    }

    /// A state holding `runs` started runs, sized `width` × `height`.
    ///
    /// The events are made and handed over in batches of 10,000, as a live run's arrive: made
    /// all at once, a million of them freed together left glibc's allocator millions of free
    /// chunks to sort at the next allocation, which took 30–90 ms inside the first frames drawn.
    public static func state(runs: Int, width: Int, height: Int) -> InspectorState {
        let base = Date(timeIntervalSinceReferenceDate: 700_000_000)
        var state = InspectorState(title: "synthetic.json", width: width, height: height, now: base)
        _ = reduce(&state, .chainStarted(base))
        let ids = (0..<runs).map { _ in UUID() }
        var offset = 0
        while offset < runs {
            let batch = (offset..<min(runs, offset + 10_000)).map { start($0, ids: ids, base: base) }
            _ = reduce(&state, .events(batch))
            offset += batch.count
        }
        return state
    }
}
