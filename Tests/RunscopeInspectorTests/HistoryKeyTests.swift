import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// `H` asks the app for the history screen; the app's notice shows until the next key.
@Suite struct HistoryKeyTests {
    @Test func capitalHOpensTheHistoryAndLowercaseHStillCollapses() {
        var (state, _) = ReducerKeyTests.tree()
        #expect(reduce(&state, .key(.char("H"))) == [.openHistory])
        _ = reduce(&state, .key(.down))
        #expect(reduce(&state, .key(.char("h"))).isEmpty && state.forest[1].expanded == false)
        #expect(KeyMap.help.contains { $0.keys == "H" })
    }

    @Test func aNoticeShowsUntilTheNextKey() {
        var (state, _) = ReducerKeyTests.tree()
        let revision = state.revision
        _ = reduce(&state, .notice("history: the database is locked"))
        #expect(state.message == "history: the database is locked" && state.revision != revision)
        _ = reduce(&state, .key(.char("z")))
        #expect(state.message == nil, "any key clears it (z is bound to nothing)")
    }
}
