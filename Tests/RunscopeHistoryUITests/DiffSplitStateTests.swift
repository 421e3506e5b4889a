import Foundation
import RunscopeHistory
@testable import RunscopeHistoryUI
import RunscopeInspector
import TerminalUI
import Testing

/// The diff split view: rows aligned to the two sides, one selection for both, the lower pane.
@Suite struct DiffSplitStateTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func run(_ id: String, parent: String?, _ position: Int, _ name: String, type: String = "chain",
                    ms: Double, output: String? = nil, status: String = "ok", error: String? = nil) -> StoredRun {
        StoredRun(id: id, parentId: parent, position: position, name: name, runType: type, status: status, start: start,
                  end: start.addingTimeInterval(ms / 1000), outputText: output, error: error, tokens: type == "chat_model" ? 7 : nil)
    }

    static func trace(_ id: String) -> TraceSummary {
        TraceSummary(id: id, name: "RunnableSequence", status: "ok", start: start, durationMs: 1, runs: 3, tokens: 7, source: "run", events: 1)
    }

    /// A: prompt, model, parser. B: prompt, model (another answer, 250 ms slower), parser, passthrough (only in B).
    static func diff() -> RunDiff {
        let a = [
            run("a1", parent: nil, 1, "RunnableSequence", ms: 600), run("a2", parent: "a1", 2, "ChatPromptTemplate", type: "prompt", ms: 0),
            run("a3", parent: "a1", 3, "GenericFakeChatModel", type: "chat_model", ms: 500, output: "Why don't bears wear shoes"),
            run("a4", parent: "a1", 4, "StrOutputParser", type: "parser", ms: 1),
        ]
        let b = [
            run("b1", parent: nil, 1, "RunnableSequence", ms: 900), run("b2", parent: "b1", 2, "ChatPromptTemplate", type: "prompt", ms: 0),
            run("b3", parent: "b1", 3, "GenericFakeChatModel", type: "chat_model", ms: 750, output: "Why don't owls wear shoes"),
            run("b4", parent: "b1", 4, "StrOutputParser", type: "parser", ms: 1),
            run("b5", parent: "b1", 5, "RunnablePassthrough", ms: 0, status: "failed", error: "ValueError: nope"),
        ]
        return RunDiff(a: trace("aaaa"), runsA: a, b: trace("bbbb"), runsB: b)
    }

    @Test func rowsAreAlignedToTheTwoSidesWithGaps() {
        let state = DiffSplitState(diff: Self.diff(), width: 120, height: 30)
        #expect(state.diff.rows.count == 5)
        let model = state.sides(2)
        #expect(model.a?.name == "GenericFakeChatModel" && model.b?.name == "GenericFakeChatModel" && model.a?.depth == 1)
        #expect(model.a?.duration == "500ms" && model.b?.duration == "750ms" && model.a?.tokens == "7" && model.a?.cost == "-")
        #expect(state.change(2) == "+250ms")
        let only = state.sides(4)
        #expect(only.a == nil && only.b?.name == "RunnablePassthrough" && only.b?.status == "failed")
        #expect(state.change(4) == "only B")
        #expect((0..<5).map(state.isChanged) == [false, false, true, false, true])
    }

    @Test func oneSelectionMovesBothTrees() {
        var state = DiffSplitState(diff: Self.diff(), width: 120, height: 30)
        _ = reduce(&state, .key(.down))
        _ = reduce(&state, .key(.down))
        let lines = DiffSplitView().render(state).lines()
        let marked = lines.enumerated().filter { $0.element.contains("▸") }
        #expect(marked.count == 1, "the selected row is one screen row")
        let row = marked.first?.element ?? ""
        #expect(row.components(separatedBy: "▸").count == 3, "marked on both sides: \(row)")
        #expect(row.components(separatedBy: "GenericFakeChatModel").count == 3 && row.contains("+250ms"))
        let gap = lines.first { $0.contains("RunnablePassthrough") } ?? ""
        #expect(gap.contains("╌╌╌") && gap.contains("only B"))
        #expect(gap.firstRange(of: "╌")!.lowerBound < gap.firstRange(of: "RunnablePassthrough")!.lowerBound, "A's side is the gap")
    }

    @Test func theLowerPaneShowsTheSelectedRowsWordDiffAndError() {
        var state = DiffSplitState(diff: Self.diff(), width: 120, height: 30)
        _ = reduce(&state, .key(.char("n")))
        #expect(state.list.selected == 2, "n goes to the next row that differs")
        var screen = DiffSplitView().render(state).lines().joined(separator: "\n")
        #expect(screen.contains("Why don't [-bears-]{+owls+} wear shoes"))
        _ = reduce(&state, .key(.char("n")))
        screen = DiffSplitView().render(state).lines().joined(separator: "\n")
        #expect(state.list.selected == 4 && screen.contains("error B: ValueError: nope") && screen.contains("(not in A)"))
        _ = reduce(&state, .key(.char("N")))
        #expect(state.list.selected == 2)
    }

    @Test func qAndEscLeave() {
        var state = DiffSplitState(diff: Self.diff(), width: 80, height: 24)
        #expect(!reduce(&state, .key(.char("j"))))
        #expect(reduce(&state, .key(.char("q"))))
        #expect(reduce(&state, .key(.escape)))
        _ = reduce(&state, .key(.char("?")))
        #expect(!reduce(&state, .key(.char("q"))) && !state.showsHelp, "a key that closes the help does nothing else")
    }
}

/// The lower pane's wrapping of outputs, huge ones included.
@Suite struct DiffPaneWrapTests {
    @Test func aHugeOutputIsCutAfterItsFirstLinesAndSaysSo() {
        // One long word (WordDiff's units stay few): 300,000 characters, thousands of lines at 98 columns.
        let huge = String(repeating: "owl", count: 100_000)
        let a = StoredRun(id: "a", parentId: nil, position: 1, name: "model", runType: "chat_model", status: "ok",
                          start: DiffSplitStateTests.start, end: DiffSplitStateTests.start, outputText: huge)
        var b = a
        b.id = "b"
        b.outputText = huge + " cat"
        let diff = RunDiff(a: DiffSplitStateTests.trace("a"), runsA: [a], b: DiffSplitStateTests.trace("b"), runsB: [b])
        let state = DiffSplitState(diff: diff, width: 100, height: 40)
        let screen = DiffSplitView().render(state).lines().joined(separator: "\n")
        #expect(screen.contains("output ([-A-] {+B+}): owlowl"))
        var scrolled = state
        for _ in 0..<1000 { _ = reduce(&scrolled, .key(.char("J"))) }
        let end = DiffSplitView().render(scrolled).lines().joined(separator: "\n")
        #expect(end.contains("… (cut: longer than 400 lines)"))
    }

    @Test func manyShortLinesAreCutToo() {
        let text = (0..<5000).map { "line \($0)" }.joined(separator: "\n")
        #expect(DiffDetail.lines(nil, width: 10).count == 1, "no row: one line that says so")
        let wrapped = SpanWrap.wrap([Span(text)], width: 20)
        #expect(wrapped.count == 401 && wrapped.last?.first?.text.hasPrefix("… (cut") == true)
    }
}
