import Foundation
import RunscopeCore
import RunscopeInspector
import RunscopeTUI
import Testing
import TerminalUI

/// Whole inspector screens at 80×24 and 120×40, compared with Snapshots/*.txt.
@Suite struct ScreenSnapshotTests {
    static let joke = "Why do terminals never get lost? Because they always follow the cursor, and when they lose their way they ask for a new line."
    static let poem = "Tokens fall like rain on glass, one by one the streams amass; a tree of runs, a pane of light."

    /// Checks the snapshot, that no control character reached a cell, and that the box edges line up.
    func check(_ state: InspectorState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let buffer = InspectorView().render(state)
        Snapshot.assertMatches(buffer, named: name, sourceLocation: sourceLocation)
        #expect(!containsUnsafeScalar(buffer), sourceLocation: sourceLocation)
        if state.layout.isUsable && !state.showsHelp { expectAlignedBorders(buffer, state.layout, sourceLocation: sourceLocation) }
    }

    static func streaming(width: Int, height: Int) -> Scenario {
        var scenario = Scenario(title: "demo-chain.json", width: width, height: height)
        scenario.parallelBranches(joke: joke, poem: poem)
        scenario.flush()
        return scenario
    }

    @Test func parallelStreams80x24() {
        check(Self.streaming(width: 80, height: 24).state, "parallel_streams_80x24")
    }

    @Test func parallelStreams120x40() {
        check(Self.streaming(width: 120, height: 40).state, "parallel_streams_120x40")
    }

    @Test func chainStreamShowsBothBranches() {
        var scenario = Self.streaming(width: 120, height: 40)
        scenario.keys(.char("g"))
        check(scenario.state, "chain_stream_120x40")
    }

    static func failed(width: Int, height: Int) -> Scenario {
        var scenario = Scenario(title: "failing-chain.json", width: width, height: height)
        scenario.start("seq", name: "RunnableSequence")
        scenario.start("prompt", name: "ChatPromptTemplate", parent: "seq", type: .prompt)
        scenario.end("prompt", output: "Summarize the report")
        scenario.start("model", name: "ChatOpenAI", parent: "seq", type: .chatModel)
        scenario.stream("model", "The report says revenue grew by 12%.")
        scenario.end("model", output: "The report says revenue grew by 12%.")
        scenario.start("check", name: "check_policy", parent: "seq")
        scenario.fail("check", message: "the answer failed the check: numbers must cite a source")
        scenario.fail("seq", message: "the answer failed the check: numbers must cite a source")
        scenario.endChain(.failed(type: "ValueError", message: "the answer failed the check: numbers must cite a source"))
        return scenario
    }

    @Test func failedRunErrorTab120x40() {
        var scenario = Self.failed(width: 120, height: 40)
        scenario.keys(.char("g"), .char("4"))
        check(scenario.state, "failed_error_tab_120x40")
    }

    @Test func failedChildErrorTab80x24() {
        var scenario = Self.failed(width: 80, height: 24)
        scenario.keys(.char("4"))
        check(scenario.state, "failed_child_80x24")
    }

    @Test func collapsedRowsSummariseTheirRuns() {
        var scenario = Self.streaming(width: 80, height: 24)
        scenario.keys(.char("j"), .left)
        check(scenario.state, "collapsed_80x24")
    }

    @Test func infoTab() {
        var scenario = Self.failed(width: 80, height: 24)
        scenario.keys(.char("j"), .char("j"), .char("5"))
        check(scenario.state, "info_tab_80x24")
    }

    /// Two priced model runs (one with cached prompt tokens) and one the table does not know.
    static func priced(width: Int, height: Int) -> Scenario {
        var scenario = Scenario(title: "costs.json", width: width, height: height)
        scenario.start("seq", name: "RunnableSequence")
        scenario.start("draft", name: "ChatOpenAI", parent: "seq", type: .chatModel,
                       metadata: ["ls_provider": "openai", "ls_model_name": "gpt-4o-mini"])
        scenario.stream("draft", "A first draft.")
        scenario.end("draft", output: "A first draft.", usage: UsageMetadata(inputTokens: 12_000, outputTokens: 800, cacheReadTokens: 8_000),
                     responseModel: "gpt-4o-mini-2024-07-18")
        scenario.start("review", name: "ChatAnthropic", parent: "seq", type: .chatModel,
                       metadata: ["ls_provider": "anthropic", "ls_model_name": "claude-sonnet-4-5"])
        scenario.stream("review", "Looks right.")
        scenario.end("review", output: "Looks right.", usage: UsageMetadata(inputTokens: 3_000, outputTokens: 400))
        scenario.start("local", name: "ChatCustom", parent: "seq", type: .chatModel,
                       metadata: ["ls_provider": "acme", "ls_model_name": "acme-1"])
        scenario.stream("local", "Fine.")
        scenario.end("local", output: "Fine.", usage: UsageMetadata(inputTokens: 50, outputTokens: 5))
        scenario.end("seq", output: "Fine.")
        scenario.endChain(.succeeded)
        return scenario
    }

    @Test func costsInTheHeaderTheTreeAndTheInfoTab() {
        var scenario = Self.priced(width: 120, height: 40)
        scenario.keys(.char("g"), .char("j"), .char("5"))
        check(scenario.state, "costs_info_120x40")
        scenario.keys(.char("G"))
        check(scenario.state, "costs_unpriced_info_120x40")
        scenario.keys(.char("g"))
        check(scenario.state, "costs_chain_info_120x40")
    }

    @Test func timelineBesideTheTree() {
        var scenario = Self.streaming(width: 120, height: 40)
        scenario.keys(.char("t"))
        check(scenario.state, "timeline_120x40")
        scenario.keys(.char("g"), .char("j"), .char("z"))
        check(scenario.state, "timeline_zoomed_120x40")
    }

    @Test func timelineOfAFailedChain() {
        var scenario = Self.failed(width: 80, height: 24)
        scenario.keys(.char("t"))
        check(scenario.state, "timeline_failed_80x24")
    }

    @Test func inputAndOutputTabs() {
        var scenario = Self.failed(width: 80, height: 24)
        scenario.keys(.char("j"), .char("j"), .char("2"))
        check(scenario.state, "input_tab_80x24")
        scenario.keys(.char("3"))
        check(scenario.state, "output_tab_80x24")
    }

    @Test func cjkAndEmojiOutput() {
        var scenario = Scenario(title: "日本語チェーン.json", width: 80, height: 24)
        scenario.start("seq", name: "要約チェーン")
        scenario.start("model", name: "翻訳モデル", parent: "seq", type: .chatModel)
        scenario.stream("model", "終端の光が静かに瞬く。トークンが一つずつ流れ、木の枝が伸びていく。🌸 雨夜里，屏幕低声诉说：每一个字都是一次调用。🚀 한글도 잘 보입니다. mixed ASCII text too.")
        scenario.flush()
        check(scenario.state, "cjk_80x24")
    }

    @Test func escapeSequencesAreShownNotObeyed() {
        var scenario = Scenario(title: "evil\u{1B}]0;pwned\u{07}.json", width: 80, height: 24)
        scenario.start("seq", name: "seq\u{1B}[2J\u{1B}[31mRED")
        scenario.start("model", name: "model\u{9B}31m", parent: "seq", type: .chatModel)
        scenario.stream("model", "Here is \u{1B}[31mred text\u{1B}[0m and a bell \u{07} and a \u{202E}reversed\u{202C} part\ttab.")
        scenario.end("model", output: "x")
        scenario.start("step", name: "step", parent: "seq")
        scenario.fail("step", type: "Boom\u{1B}[1m", message: "bad \u{1B}[2K input\r\nsecond line")
        scenario.flush()
        check(scenario.state, "escape_injection_80x24")
        scenario.keys(.char("G"), .char("4"))
        check(scenario.state, "escape_injection_error_80x24")
    }

    @Test func helpOverlay() {
        var scenario = Self.streaming(width: 80, height: 24)
        scenario.keys(.char("?"))
        check(scenario.state, "help_80x24")
    }

    @Test func searchPromptAndQuitQuestion() {
        var scenario = Self.streaming(width: 80, height: 24)
        scenario.keys(.char("/"), .char("P"), .char("o"))
        check(scenario.state, "search_80x24")
        scenario.keys(.escape, .char("q"))
        check(scenario.state, "confirm_quit_80x24")
    }

    @Test func tooSmall() {
        var scenario = Self.streaming(width: 80, height: 24)
        _ = reduce(&scenario.state, .resize(width: 30, height: 8))
        check(scenario.state, "too_small_30x8")
    }

    @Test func waitingBeforeAnyRun() {
        let scenario = Scenario(width: 80, height: 24)
        check(scenario.state, "empty_80x24")
    }
}

/// Every body row has the four box edges where the layout puts them.
func expectAlignedBorders(_ buffer: Buffer, _ layout: InspectorLayout, sourceLocation: SourceLocation = #_sourceLocation) {
    for y in 1..<(layout.height - 1) {
        let columns = [0, layout.treeWidth - 1, layout.treeWidth, layout.width - 1]
        for x in columns {
            let symbol = buffer[x, y].symbol
            #expect("│┌┐└┘╭╮╰╯".contains(symbol) && !symbol.isEmpty, "row \(y) column \(x) is '\(symbol)'", sourceLocation: sourceLocation)
        }
    }
}

/// Whether any cell of the buffer holds a control or bidi-override scalar.
func containsUnsafeScalar(_ buffer: Buffer) -> Bool {
    buffer.cells.contains { cell in
        cell.symbol.unicodeScalars.contains { Sanitizer.replacement(for: $0) != nil }
    }
}
