import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// `F` steps the tree's filter; a run shown keeps its ancestors, and live events re-filter.
@Suite struct RunFilterTests {
    /// root → a (a1 fails; a2 long), b → m (a model); each script step is 0.1 s.
    static func scenario() -> (InspectorState, EventScript) {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events([
            script.start("root"), script.start("a", parent: "root"), script.start("a1", parent: "a"),
            script.fail("a1"), script.start("a2", parent: "a"),
        ]))
        script.step = 2
        _ = reduce(&state, .events([script.end("a2")]))
        script.step = 0.1
        _ = reduce(&state, .events([
            script.end("a"), script.start("b", parent: "root"), script.start("m", parent: "b", type: .chatModel),
        ]))
        return (state, script)
    }

    static func names(_ state: InspectorState) -> [String] { state.forest.rows.map { state.forest[$0].name } }

    @Test func eachFilterShowsItsRunsWithTheirAncestors() {
        var (state, _) = Self.scenario()
        #expect(Self.names(state) == ["root", "a", "a1", "a2", "b", "m"])
        _ = press(&state, .char("F"))
        #expect(state.forest.filter == .failed && Self.names(state) == ["root", "a", "a1"])
        #expect(state.message == "Showing failed only: 3 of 6 runs (F: next filter)")
        _ = press(&state, .char("F"))
        #expect(state.forest.filter == .models && Self.names(state) == ["root", "b", "m"])
        _ = press(&state, .char("F"))
        // a1 ended 0.1 s after it started: not under 100 ms, so shown; the running b and m show.
        #expect(state.forest.filter == .atLeast100ms && Self.names(state) == ["root", "a", "a1", "a2", "b", "m"])
        _ = press(&state, .char("F"))
        #expect(state.forest.filter == .atLeast1s && Self.names(state) == ["root", "a", "a2", "b", "m"])
        _ = press(&state, .char("F"))
        #expect(state.forest.filter == .all && Self.names(state).count == 6 && state.message == "Showing every run")
    }

    @Test func aSelectionFilteredOutGoesToTheFirstRowAndLiveRunsAreFiltered() {
        var (state, script) = Self.scenario()
        _ = press(&state, .char("G"))
        #expect(selectedName(state) == "m")
        _ = press(&state, .char("F"))
        #expect(selectedName(state) == "root", "m is not failed")
        _ = reduce(&state, .events([script.start("c", parent: "root"), script.start("c1", parent: "c")]))
        #expect(!Self.names(state).contains("c"), "a new run that has not failed stays out")
        _ = reduce(&state, .events([script.fail("c1")]))
        #expect(Self.names(state).suffix(2) == ["c", "c1"], "once it fails it shows, with its parent")
        _ = reduce(&state, .chainStarted(EventScript.base))
        #expect(state.forest.filter == .failed, "a rerun keeps the filter")
    }
}
