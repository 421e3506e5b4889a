import Foundation
import GRDB
import RunscopeHistory
import RunscopeHistoryUI
import RunscopeInspector
import Testing

/// The history list follows the database: a change read again at the top, the selection
/// kept; left alone while the user is further down or typing.
@Suite struct HistoryRefreshTests {
    typealias Fixture = HistoryListStateTests

    @Test func aChangeReadsTheFirstPageAgainAndKeepsTheSelection() throws {
        var state = Fixture.loaded(5)
        _ = Fixture.press(&state, .down, .down, .char("m"))
        let selected = try #require(state.selectedTrace)
        let effects = reduce(&state, .historyChanged)
        guard case .load(let query)? = effects.first else { Issue.record("no page asked for: \(effects)"); return }
        #expect(query.after == nil, "the first page")
        // A new trace came on top; the one selected is now the fourth.
        let newer = TraceSummary(
            id: "0190ffffffff", name: "new", status: "running", start: Date(timeIntervalSince1970: 1_900_000_000), durationMs: nil,
            runs: 1, tokens: 0, source: "run", events: 1)
        _ = reduce(&state, .loaded(generation: state.generation, traces: [newer] + Fixture.traces(5), now: Date()))
        #expect(state.traces.first?.name == "new")
        #expect(state.selectedTrace?.id == selected.id && state.list.selected == 3)
        #expect(state.marked.map(\.id) == [selected.id], "marks stay")
    }

    @Test func farDownOrWhileTypingTheListIsLeftAlone() {
        var state = Fixture.loaded(HistoryListState.pageSize)
        _ = Fixture.press(&state, .pageDown, .pageDown)
        #expect(reduce(&state, .historyChanged).isEmpty, "a screen below the top: new traces above do not matter yet")
        var typing = Fixture.loaded(5)
        _ = Fixture.press(&typing, .char("/"), .char("x"))
        #expect(reduce(&typing, .historyChanged).isEmpty)
        #expect(typing.draft == "x")
    }

    @Test func theChangeCountMovesWhenAnotherConnectionWrites() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-refresh-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore.open(path: path)
        let before = try store.changeCount()
        #expect(try store.changeCount() == before, "nothing changed")
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(sql: "INSERT INTO traces (id, name, status, start_time, source) VALUES ('x', 'x', 'ok', 0, 'run')")
        }
        #expect(try store.changeCount() != before)
    }
}
