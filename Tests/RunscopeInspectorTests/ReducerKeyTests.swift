import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// Every key of the key map, in the tree and in the pane.
@Suite struct ReducerKeyTests {
    /// root > (a > (a1, a2), b > b1, m (model)); all started, follow off after the first move.
    static func tree() -> (InspectorState, EventScript) {
        var script = EventScript()
        var state = startedState()
        let events = [
            script.start("root"), script.start("a", parent: "root"), script.start("a1", parent: "a"),
            script.start("a2", parent: "a"), script.start("b", parent: "root"), script.start("b1", parent: "b"),
            script.start("m", parent: "root", type: .chatModel),
        ]
        _ = reduce(&state, .events(events))
        return (state, script)
    }

    @Test func downAndUpMoveWithArrowsAndVimLetters() {
        var (state, _) = Self.tree()
        press(&state, .down, .char("j"))
        #expect(selectedName(state) == "a1")
        press(&state, .char("k"))
        #expect(selectedName(state) == "a")
        press(&state, .up, .up)
        #expect(selectedName(state) == "root")
        #expect(!state.follow)
    }

    @Test func leftCollapsesThenGoesToTheParent() {
        var (state, _) = Self.tree()
        press(&state, .down)
        press(&state, .left)
        #expect(state.forest[1].expanded == false)
        #expect(rowNames(state) == ["root", "a", "b", "b1", "m"])
        press(&state, .char("h"))
        #expect(selectedName(state) == "root")
    }

    @Test func rightExpandsThenStepsIntoTheFirstChild() {
        var (state, _) = Self.tree()
        press(&state, .down, .left)
        press(&state, .right)
        #expect(state.forest[1].expanded)
        #expect(selectedName(state) == "a")
        press(&state, .char("l"))
        #expect(selectedName(state) == "a1")
        press(&state, .right)
        #expect(selectedName(state) == "a1")
    }

    @Test func enterAndSpaceToggle() {
        var (state, _) = Self.tree()
        press(&state, .enter)
        #expect(rowNames(state) == ["root"])
        press(&state, .char(" "))
        #expect(rowNames(state).count == 7)
    }

    @Test func pageAndHomeEndMove() {
        var (state, _) = startedStateWithRuns(count: 200)
        press(&state, .pageDown)
        #expect(state.forest.row(of: state.selected!) == state.layout.treeRows - 1)
        press(&state, .pageUp)
        #expect(state.forest.row(of: state.selected!) == 0)
        press(&state, .end)
        #expect(state.forest.row(of: state.selected!) == 199)
        #expect(state.treeOffset == 200 - state.layout.treeRows)
        press(&state, .home)
        #expect(state.forest.row(of: state.selected!) == 0)
        press(&state, .char("G"))
        #expect(state.forest.row(of: state.selected!) == 199)
        press(&state, .char("g"))
        #expect(state.treeOffset == 0)
    }

    @Test func tabSwitchesFocusAndArrowsThenScrollThePane() {
        var (state, _) = Self.tree()
        press(&state, .tab)
        #expect(state.focus == .pane)
        // The keys ask the view to scroll (it alone knows the pane's lines); the selection stays.
        #expect(press(&state, .up) == [.scrollPane(.lines(-1))])
        #expect(press(&state, .char("j")) == [.scrollPane(.lines(1))])
        #expect(selectedName(state) == "root")
        #expect(press(&state, .home) == [.scrollPane(.top)])
        #expect(press(&state, .pageDown, .pageUp) == [.scrollPane(.pages(1)), .scrollPane(.pages(-1))])
        #expect(press(&state, .end) == [.scrollPane(.end)])
        #expect(selectedName(state) == "root")
        press(&state, .right)
        #expect(state.tab == .input)
        press(&state, .left, .left)
        #expect(state.tab == .messages, "wraps around to the last tab")
        press(&state, .backTab)
        #expect(state.focus == .tree)
    }

    @Test func digitsPickTabs() {
        var (state, _) = Self.tree()
        for (key, tab) in zip(["1", "2", "3", "4", "5", "6"], PaneTab.allCases) {
            press(&state, .char(Character(key)))
            #expect(state.tab == tab)
        }
        // Each tab starts its pane over: the stream at its end (following), the others at the top.
        press(&state, .char("7"))
        #expect(state.tab == .messages)
        #expect(!state.paneStartsAtEnd)
        let epoch = state.paneEpoch
        press(&state, .char("1"))
        #expect(state.paneStartsAtEnd && state.paneEpoch != epoch)
    }

    @Test func expandAllAndCollapseAll() {
        var (state, _) = Self.tree()
        press(&state, .down, .down)
        press(&state, .char("c"))
        #expect(rowNames(state) == ["root"])
        #expect(selectedName(state) == "root")
        press(&state, .char("e"))
        #expect(rowNames(state).count == 7)
    }

    @Test func followModeTracksTheStreamingRunUntilTheUserMoves() {
        var (state, script) = Self.tree()
        #expect(state.follow)
        _ = reduce(&state, .events([script.token("m", "hi")]))
        #expect(selectedName(state) == "m")
        press(&state, .up)
        #expect(!state.follow)
        _ = reduce(&state, .events([script.token("m", " there")]))
        #expect(selectedName(state) == "b1")
        press(&state, .char("f"))
        #expect(state.follow)
        #expect(selectedName(state) == "m")
    }

    @Test func followRevealsACollapsedStream() {
        var (state, script) = Self.tree()
        press(&state, .char("c"), .char("f"))
        #expect(state.follow)
        _ = reduce(&state, .events([script.start("deep", parent: "a1", type: .chatModel)]))
        _ = reduce(&state, .events([script.token("deep", "x")]))
        #expect(selectedName(state) == "deep")
        #expect(state.forest.row(of: state.selected!) != nil)
    }

    @Test func followStaysOnAStreamingModelWhileAnotherStreams() {
        var (state, script) = Self.tree()
        _ = reduce(&state, .events([script.start("m2", parent: "root", type: .chatModel)]))
        _ = reduce(&state, .events([script.token("m", "a")]))
        _ = reduce(&state, .events([script.token("m2", "b"), script.token("m", "a")]))
        _ = reduce(&state, .events([script.token("m2", "b")]))
        #expect(selectedName(state) == "m")
        _ = reduce(&state, .events([script.end("m"), script.token("m2", "c")]))
        #expect(selectedName(state) == "m2")
    }

    @Test func searchTypesJumpsAndCycles() {
        var (state, _) = Self.tree()
        press(&state, .char("/"))
        #expect(state.search.editing)
        press(&state, .char("b"))
        #expect(selectedName(state) == "b")
        press(&state, .char("1"))
        #expect(selectedName(state) == "b1")
        press(&state, .backspace)
        #expect(selectedName(state) == "b")
        press(&state, .enter)
        #expect(!state.search.editing)
        #expect(state.message?.contains("2 runs match") == true)
        press(&state, .char("n"))
        #expect(selectedName(state) == "b1")
        press(&state, .char("n"))
        #expect(selectedName(state) == "b")
        press(&state, .char("N"))
        #expect(selectedName(state) == "b1")
    }

    @Test func searchRevealsCollapsedMatchesAndReportsMisses() {
        var (state, _) = Self.tree()
        press(&state, .char("c"), .char("/"), .char("a"), .char("2"), .enter)
        #expect(selectedName(state) == "a2")
        #expect(rowNames(state).contains("a2"))
        press(&state, .char("/"), .char("z"), .char("z"))
        #expect(state.message?.contains("No run matches") == true)
        press(&state, .escape)
        #expect(!state.search.editing)
    }

    @Test func searchFindsTextInStreamsOutputsAndErrorsAndOpensTheirTab() {
        var (state, script) = Self.tree()
        _ = reduce(&state, .events([
            script.token("m", "the needle streams"), script.end("a1", output: ["answer": "a haystack"]),
            script.fail("b1", type: "KeyError", message: "no such key: 'pin'"),
        ]))
        press(&state, .char("g"), .char("/"))
        for character in "haystack" { press(&state, .char(character)) }
        #expect(selectedName(state) == "a1" && state.tab == .output)
        #expect(state.message == "\"haystack\" in the Output of a1")
        press(&state, .enter)
        #expect(state.message?.contains("1 run matches") == true)
        press(&state, .char("/"), .char("p"), .char("i"), .char("n"), .enter)
        #expect(selectedName(state) == "b1" && state.tab == .error)
        press(&state, .char("/"), .char("n"), .char("e"), .char("e"), .char("d"), .enter)
        #expect(selectedName(state) == "m" && state.tab == .stream)
        press(&state, .char("/"), .char("c"), .char("a"), .char("t"), .char("s"), .enter)
        #expect(state.tab == .input, "the chains' input {topic: cats}")
        #expect(state.message?.contains("runs match") == true)
    }

    @Test func rerunAsksTheApp() {
        var (state, _) = Self.tree()
        #expect(press(&state, .char("r")) == [.rerun])
    }

    @Test func quitAsksWhileRunningAndQuitsAtOnceAfterTheEnd() {
        var (state, script) = Self.tree()
        #expect(press(&state, .char("q")).isEmpty)
        #expect(state.confirmingQuit)
        #expect(press(&state, .char("n")).isEmpty)
        #expect(!state.confirmingQuit)
        press(&state, .char("q"))
        #expect(press(&state, .char("y")) == [.quit])
        _ = reduce(&state, .chainEnded(.succeeded, script.tick()))
        #expect(press(&state, .char("q")) == [.quit])
    }

    @Test func ctrlCCancelsThenQuits() {
        var (state, script) = Self.tree()
        #expect(press(&state, .ctrlC) == [.cancelChain])
        #expect(state.message?.contains("Ctrl-C again") == true)
        #expect(press(&state, .ctrlC) == [.quit])
        var (finished, _) = Self.tree()
        _ = reduce(&finished, .chainEnded(.succeeded, script.tick()))
        #expect(press(&finished, .ctrlC) == [.quit])
    }

    @Test func helpOpensAndAnyKeyClosesIt() {
        var (state, _) = Self.tree()
        press(&state, .char("?"))
        #expect(state.showsHelp)
        #expect(press(&state, .char("q")).isEmpty)
        #expect(!state.showsHelp)
    }

    @Test func selectionAndExpansionSurviveLiveUpdates() {
        var (state, script) = Self.tree()
        press(&state, .down, .down, .down, .down)
        press(&state, .left)
        #expect(selectedName(state) == "b")
        var events: [TimedEvent] = []
        for index in 0..<20 { events.append(script.start("new\(index)", parent: index % 2 == 0 ? "a" : "b")) }
        events.append(script.token("m", "x"))
        _ = reduce(&state, .events(events))
        #expect(selectedName(state) == "b")
        #expect(state.forest[4].expanded == false)
        #expect(!rowNames(state).contains("new1"))
        #expect(rowNames(state).contains("new0"))
    }

    @Test func otherKeysDoNothing() {
        var (state, _) = Self.tree()
        let before = state.selected
        #expect(press(&state, .other, .char("x"), .delete).isEmpty)
        #expect(state.selected == before)
    }

    @Test func resizeChangesPageSizes() {
        var (state, _) = startedStateWithRuns(count: 100)
        _ = reduce(&state, .resize(width: 80, height: 24))
        press(&state, .pageDown)
        #expect(state.forest.row(of: state.selected!) == 24 - 4 - 1)
    }
}

/// A started state with a root and `count - 1` children.
func startedStateWithRuns(count: Int) -> (InspectorState, EventScript) {
    var script = EventScript()
    var state = startedState()
    var events = [script.start("root")]
    for index in 1..<count { events.append(script.start("run\(index)", parent: "root")) }
    _ = reduce(&state, .events(events))
    return (state, script)
}
