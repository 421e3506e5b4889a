import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// The critical path goes through every step of a sequence and the slowest of parallel
/// branches; self time is a run's time no child covers.
@Suite struct CriticalPathTests {
    /// root: a, then p (two branches in parallel, p2 the slower), one script step between events.
    static func scenario() -> (InspectorState, EventScript) {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events([
            script.start("root"), script.start("a", parent: "root"), script.end("a"), script.start("p", parent: "root"),
            script.start("p1", parent: "p"), script.start("p2", parent: "p"), script.end("p1"), script.end("p2"),
            script.end("p"), script.end("root"),
        ]))
        return (state, script)
    }

    static func names(_ path: Set<Int>, _ state: InspectorState) -> Set<String> {
        Set(path.map { state.forest[$0].name })
    }

    @Test func aSequenceIsWholeOnItAndOfParallelBranchesTheSlowest() {
        let (state, _) = Self.scenario()
        let path = CriticalPath.runs(state.forest, from: state.forest.roots, now: state.now)
        #expect(Self.names(path, state) == ["root", "a", "p", "p2"])
    }

    @Test func whileABranchRunsItIsTheOneThatDecides() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events([
            script.start("root"), script.start("fast", parent: "root"), script.start("slow", parent: "root"), script.end("fast"),
        ]))
        let path = CriticalPath.runs(state.forest, from: state.forest.roots, now: state.now.addingTimeInterval(5))
        #expect(Self.names(path, state) == ["root", "slow"])
    }

    @Test func selfTimeIsWhatNoChildCovers() throws {
        let (state, scripted) = Self.scenario()
        var script = scripted
        let step = EventScript().step
        let root = try #require(state.forest.index(of: script.id("root")))
        let p = try #require(state.forest.index(of: script.id("p")))
        let a = try #require(state.forest.index(of: script.id("a")))
        // root spans 9 steps, a 1 and p 5 of them; p's branches overlap over 3 of its 5.
        #expect(abs(CriticalPath.selfTime(state.forest, root, now: state.now) - 3 * step) < 1e-6)
        #expect(abs(CriticalPath.selfTime(state.forest, p, now: state.now) - 2 * step) < 1e-6)
        #expect(abs(CriticalPath.selfTime(state.forest, a, now: state.now) - 1 * step) < 1e-6, "a leaf's self time is its duration")
    }
}
