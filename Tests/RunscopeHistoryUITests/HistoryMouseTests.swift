import Foundation
import RunscopeHistory
@testable import RunscopeHistoryUI
import RunscopeInspector
import TerminalUI
import Testing

/// The mouse on the history screens: the list's clicks (select, open, mark) and wheel, the
/// diff split view's clicks and wheel over the trees and over the output diff. Rows are
/// found where the views draw them (checked against a rendered frame).
@Suite struct HistoryMouseTests {
    static func click(_ state: inout HistoryListState, x: Int = 10, y: Int) -> [HistoryListEffect] {
        reduce(&state, .mouse(MouseInput(.click, x: x, y: y)))
    }

    /// The screen row on which the list draws `name`, read from the rendered frame.
    static func screenRow(of name: String, in state: HistoryListState) -> Int? {
        HistoryListView().render(state).lines().firstIndex { $0.contains(" \(name) ") }
    }

    @Test func aClickSelectsTheTraceDrawnUnderIt() throws {
        var state = HistoryListStateTests.loaded(30)
        let y = try #require(Self.screenRow(of: "t4", in: state))
        #expect(Self.click(&state, y: y).isEmpty)
        #expect(state.selectedTrace?.name == "t4")
    }

    @Test func aClickOnTheSelectedTraceOpensIt() throws {
        var state = HistoryListStateTests.loaded(30)
        let y = try #require(Self.screenRow(of: "t2", in: state))
        _ = Self.click(&state, y: y)
        let effects = Self.click(&state, y: y)
        #expect(effects == [.open(state.traces[2])])
    }

    @Test func aClickOnTheMarkColumnMarksThatTrace() throws {
        var state = HistoryListStateTests.loaded(30)
        let y = try #require(Self.screenRow(of: "t3", in: state))
        _ = Self.click(&state, x: 0, y: y)
        #expect(state.marked.map(\.name) == ["t3"] && state.selectedTrace?.name == "t3")
        _ = Self.click(&state, x: 1, y: y)
        #expect(state.marked.isEmpty, "a second click on the mark unmarks it")
    }

    @Test func clicksOffTheRowsDoNothing() {
        var state = HistoryListStateTests.loaded(3)
        for y in [0, 1, 2 + 3, state.height - 1] {
            #expect(Self.click(&state, y: y).isEmpty)
            #expect(state.list.selected == 0, "row \(y) holds no trace")
        }
    }

    @Test func theWheelMovesTheSelectionThreeRowsAndLoadsMoreNearTheEnd() {
        var state = HistoryListStateTests.loaded(HistoryListState.pageSize)
        _ = reduce(&state, .mouse(MouseInput(.wheelDown, x: 5, y: 5)))
        #expect(state.list.selected == 3)
        _ = reduce(&state, .mouse(MouseInput(.wheelUp, x: 5, y: 5)))
        #expect(state.list.selected == 0)
        var effects: [HistoryListEffect] = []
        for _ in 0..<40 where effects.isEmpty { effects = reduce(&state, .mouse(MouseInput(.wheelDown, x: 5, y: 5))) }
        guard case .load(let query)? = effects.first else { Issue.record("the wheel never asked for the next page"); return }
        #expect(query.after == state.traces.last)
    }

    @Test func theMouseDoesNothingWhileThePromptOrTheHelpIsOpen() {
        var state = HistoryListStateTests.loaded(30)
        _ = HistoryListStateTests.press(&state, .char("/"))
        _ = reduce(&state, .mouse(MouseInput(.wheelDown, x: 5, y: 5)))
        #expect(state.list.selected == 0 && state.draft == "")
        _ = HistoryListStateTests.press(&state, .escape, .char("?"))
        _ = Self.click(&state, y: 6)
        #expect(state.list.selected == 0 && state.showsHelp)
    }

    @Test func aClickInTheDiffSelectsThatRowOnBothSides() throws {
        var state = DiffSplitState(diff: DiffSplitStateTests.diff(), width: 120, height: 30)
        _ = reduce(&state, .resize(width: 120, height: 30))
        let y = try #require(DiffSplitView().render(state).lines().firstIndex { $0.contains("StrOutputParser") })
        _ = reduce(&state, .mouse(MouseInput(.click, x: 70, y: y)))
        #expect(state.selectedRow?.name == "StrOutputParser")
        _ = reduce(&state, .mouse(MouseInput(.click, x: 70, y: 2 + state.diff.rows.count)))
        #expect(state.selectedRow?.name == "StrOutputParser", "below the last row: nothing changes")
    }

    @Test func theWheelMovesTheTreesAboveAndScrollsTheOutputDiffBelow() {
        var state = DiffSplitState(diff: DiffSplitStateTests.diff(), width: 120, height: 30)
        _ = reduce(&state, .resize(width: 120, height: 30))
        _ = reduce(&state, .mouse(MouseInput(.wheelDown, x: 10, y: 3)))
        #expect(state.list.selected == 3 && state.paneOffset == 0)
        let pane = 2 + state.treeRows + 1
        _ = reduce(&state, .mouse(MouseInput(.wheelDown, x: 10, y: pane)))
        #expect(state.list.selected == 3 && state.paneOffset == 3)
        _ = reduce(&state, .mouse(MouseInput(.wheelUp, x: 10, y: pane)))
        _ = reduce(&state, .mouse(MouseInput(.wheelUp, x: 10, y: pane)))
        #expect(state.paneOffset == 0, "not above the top")
        _ = reduce(&state, .mouse(MouseInput(.wheelUp, x: 10, y: 3)))
        #expect(state.list.selected == 0)
    }
}
