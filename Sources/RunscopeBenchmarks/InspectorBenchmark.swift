import Foundation
import RunscopeCore
import RunscopeInspector
import RunscopeTUI
import TerminalUI

/// Speed and memory figures of the inspector, for `runscope-bench`: the cost of
/// a frame with a huge tree, memory for many runs and tokens, and tokens per
/// second through handler → reduce → render at a frame rate.
public enum InspectorBenchmark {
    /// Time to draw one frame of a big tree.
    public struct RenderFigures: Sendable {
        public var runs: Int
        public var frames: Int
        /// Median milliseconds to render a frame and diff it with the previous one.
        public var medianMilliseconds: Double
        public var maxMilliseconds: Double
    }

    /// Renders `frames` frames of a `runs`-run tree at `width` × `height`, moving the selection
    /// each frame; `timeline`: with the timeline (`t`) in place of the pane, its critical path included.
    public static func renderFrame(runs: Int = 100_000, width: Int = 120, height: Int = 40, frames: Int = 60,
                                   timeline: Bool = false) -> RenderFigures {
        var state = SyntheticRuns.state(runs: runs, width: width, height: height)
        _ = reduce(&state, .key(.end))
        if timeline { _ = reduce(&state, .key(.char("t"))) }
        let view = InspectorView()
        var cache = ViewCache()
        var pane = PaneViewport()
        var previous = view.render(state, pane: &pane, cache: &cache)
        var times: [Double] = []
        for frame in 0..<frames {
            _ = reduce(&state, .key(frame % 10 == 0 ? .pageUp : .up))
            let start = DispatchTime.now().uptimeNanoseconds
            let buffer = view.render(state, pane: &pane, cache: &cache)
            _ = buffer.diff(from: previous)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            previous = buffer
        }
        times.sort()
        return RenderFigures(runs: runs, frames: frames, medianMilliseconds: times[times.count / 2], maxMilliseconds: times.last ?? 0)
    }

    /// Memory held by the inspector state.
    public struct MemoryFigures: Sendable {
        public var runs: Int
        public var tokens: Int
        /// Growth of the resident set size while the state was built (bytes).
        public var residentBytes: Int
    }

    /// Builds a state with `runs` runs and `tokens` tokens (spread over the model runs) and measures RSS growth.
    public static func memory(runs: Int = 100_000, tokens: Int = 1_000_000) -> MemoryFigures {
        let before = residentBytes()
        var state = SyntheticRuns.state(runs: runs, width: 120, height: 40)
        let models = (0..<state.forest.count).filter { state.forest[$0].runType.isModel }
        let infos = models.map { index -> RunInfo in
            let node = state.forest[index]
            return RunInfo(runId: node.id, parentRunId: node.parentId, name: node.name, runType: node.runType)
        }
        let time = state.now
        var sent = 0
        while sent < tokens {
            let count = min(10_000, tokens - sent)
            let batch = (0..<count).map { offset in
                TimedEvent(.newToken(" tok\((sent + offset) % 97)", chunk: nil), run: infos[(sent + offset) % infos.count], time: time)
            }
            _ = reduce(&state, .events(batch))
            sent += count
        }
        let after = residentBytes()
        withExtendedLifetime(state) {}
        return MemoryFigures(runs: runs, tokens: tokens, residentBytes: max(0, after - before))
    }

    /// The resident set size of this process, from /proc/self/statm (0 where unavailable).
    public static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
