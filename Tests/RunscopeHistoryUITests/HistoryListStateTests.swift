import Foundation
import RunscopeHistory
import RunscopeHistoryUI
import RunscopeInspector
import Testing

/// The history screen's reducer: paging, search, status filter, marks, open and compare.
@Suite struct HistoryListStateTests {
    /// `count` traces, newest first, named `t<first>`, `t<first+1>`, ...
    static func traces(_ count: Int, from first: Int = 0) -> [TraceSummary] {
        (first..<(first + count)).map { index in
            TraceSummary(
                id: String(format: "0190%08x", 1_000_000 - index), name: "t\(index)", status: index % 3 == 0 ? "failed" : "ok",
                start: Date(timeIntervalSince1970: 1_800_000_000 - Double(index)), durationMs: 100 + index, runs: 3, tokens: index,
                source: "run", events: 9)
        }
    }

    /// A 120×40 screen that asked for and got `count` traces on its first page.
    static func loaded(_ count: Int) -> HistoryListState {
        var state = HistoryListState(width: 120, height: 40, location: "/tmp/h.sqlite")
        _ = reduce(&state, .start)
        _ = reduce(&state, .loaded(generation: state.generation, traces: traces(count), now: Date()))
        return state
    }

    static func press(_ state: inout HistoryListState, _ keys: Key...) -> [HistoryListEffect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    @Test func theFirstPageIsAskedForThenMoreAsTheSelectionNearsItsEnd() throws {
        var state = HistoryListState(width: 120, height: 40, location: "/tmp/h.sqlite")
        let first = reduce(&state, .start)
        #expect(first == [.load(HistoryQuery(generation: 1, search: nil, status: nil, after: nil, limit: HistoryListState.pageSize))])
        let page = Self.traces(HistoryListState.pageSize)
        #expect(reduce(&state, .loaded(generation: 1, traces: page, now: Date())).isEmpty, "the selection is far from the end")
        #expect(state.list.selected == 0 && state.cells[0][1] == "t0" && !state.exhausted)
        #expect(Self.press(&state, .pageDown).isEmpty)
        let effects = Self.press(&state, .pageDown)
        guard case .load(let query)? = effects.first else { Issue.record("no page asked for: \(effects)"); return }
        #expect(query.after == page.last, "keyset: the next page starts after the last trace loaded")
        #expect(Self.press(&state, .down).isEmpty, "one page at a time")
        _ = reduce(&state, .loaded(generation: 1, traces: Self.traces(7, from: 100), now: Date()))
        #expect(state.traces.count == 107 && state.exhausted)
        _ = Self.press(&state, .char("G"))
        #expect(state.selectedTrace?.name == "t106")
        #expect(Self.press(&state, .down).isEmpty, "nothing more to load")
    }

    @Test func aPageOfAnOlderQueryIsDropped() {
        var state = Self.loaded(3)
        _ = Self.press(&state, .char("/"), .char("o"), .char("w"), .char("l"), .enter)
        let stale = reduce(&state, .loaded(generation: state.generation - 1, traces: Self.traces(5), now: Date()))
        #expect(stale.isEmpty && state.traces.isEmpty && state.loading)
    }

    @Test func slashSearchesEnterAppliesEscClears() throws {
        var state = Self.loaded(5)
        #expect(Self.press(&state, .char("/"), .char("b"), .char("e"), .char("x"), .backspace, .char("a")).isEmpty)
        #expect(state.draft == "bea" && state.search == nil)
        let applied = Self.press(&state, .char("r"), .char("s"), .enter)
        guard case .load(let query)? = applied.first else { Issue.record("no reload: \(applied)"); return }
        #expect(query.search == "bears" && query.after == nil && query.filter.search == "bears")
        #expect(state.draft == nil && state.search == "bears" && state.traces.isEmpty)
        _ = reduce(&state, .loaded(generation: state.generation, traces: Self.traces(1), now: Date()))
        let cleared = Self.press(&state, .escape)
        guard case .load(let again)? = cleared.first else { Issue.record("Esc did not reload: \(cleared)"); return }
        #expect(again.search == nil && state.search == nil)
        #expect(Self.press(&state, .escape).isEmpty, "nothing left to clear, and the bare screen does not quit on Esc")
    }

    @Test func escLeavesTheScreenOverAnInspector() {
        var state = HistoryListState(width: 80, height: 24, location: "x", escapeQuits: true)
        _ = reduce(&state, .start)
        #expect(Self.press(&state, .escape) == [.quit])
    }

    @Test func sCyclesTheStatusFilter() throws {
        var state = Self.loaded(5)
        var seen: [String?] = []
        for _ in 0...TraceFilter.statuses.count {
            let effects = Self.press(&state, .char("s"))
            guard case .load(let query)? = effects.first else { Issue.record("no reload"); return }
            seen.append(query.status)
        }
        #expect(seen == TraceFilter.statuses.map { Optional($0) } + [nil])
    }

    @Test func mMarksTwoAtMostAndDComparesThemInOrder() {
        var state = Self.loaded(5)
        #expect(Self.press(&state, .char("d")).isEmpty && state.message?.contains("Mark two") == true)
        _ = Self.press(&state, .down, .char("m"), .down, .down, .char("m"), .down, .char("m"))
        #expect(state.marked.map(\.name) == ["t1", "t3"])
        #expect(state.message?.contains("Two runs are marked already") == true)
        #expect(state.mark(of: state.traces[1]) == "A" && state.mark(of: state.traces[3]) == "B" && state.mark(of: state.traces[4]) == nil)
        #expect(Self.press(&state, .char("d")) == [.compare(state.traces[1], state.traces[3])])
        _ = Self.press(&state, .up, .char("m"))
        #expect(state.marked.map(\.name) == ["t1"], "m on a marked trace unmarks it")
    }

    @Test func enterOpensTheSelectedTraceAndQQuits() {
        var state = Self.loaded(5)
        #expect(Self.press(&state, .down, .down, .enter) == [.open(state.traces[2])])
        #expect(Self.press(&state, .char("q")) == [.quit])
    }

    @Test func helpClosesOnAnyKeyWithoutActing() {
        var state = Self.loaded(5)
        _ = Self.press(&state, .char("?"))
        #expect(state.showsHelp)
        #expect(Self.press(&state, .char("q")).isEmpty && !state.showsHelp)
    }

    @Test func theListShowsTheColumnsOfRunscopeRunsWithTheMarks() {
        var state = Self.loaded(3)
        _ = Self.press(&state, .down, .char("m"))
        let lines = HistoryListView().render(state).lines()
        #expect(lines[1].hasPrefix("   when") && lines[1].contains("name") && lines[1].contains("tokens") && lines[1].contains("id"))
        let formatter = TraceTable.dateFormatter()
        let expected = TraceTable.line(TraceTable.cells(state.traces[1], now: Date(), formatter: formatter), widths: state.widths)
        #expect(lines[3] == "A  " + expected, "the cells and padding of runscope runs, after the mark")
        #expect(lines[2] == "   " + TraceTable.line(state.cells[0], widths: state.widths))
    }

    @Test func anEmptyHistorySaysHowToFillIt() {
        var state = HistoryListState(width: 100, height: 20, location: "/home/me/.local/share/runscope/history.sqlite")
        _ = reduce(&state, .start)
        _ = reduce(&state, .loaded(generation: 1, traces: [], now: Date()))
        let screen = HistoryListView().render(state).lines().joined(separator: "\n")
        #expect(screen.contains("No runs in the history yet."))
        #expect(screen.contains("runscope examples/joke.json"))
        _ = Self.press(&state, .char("/"), .char("x"), .enter)
        _ = reduce(&state, .loaded(generation: state.generation, traces: [], now: Date()))
        #expect(HistoryListView().render(state).lines().joined().contains("No trace matches."))
    }
}
