import Testing
import TerminalUI

/// Whole 80×24 screens drawn with the widgets, compared with the text
/// snapshots in Snapshots/ (see `Snapshot`).
@Suite struct WidgetSnapshotTests {
    static let keys = [KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("↑↓", "select"), KeyHint("f", "follow")]

    /// Tabs, a bordered run list and output pane, a status line and a key bar.
    static func screen(
        tabs: [String], runs: (count: Int, selected: Int, row: (Int) -> [Span]),
        title: String, output: String, status: [Span], right: [Span]
    ) -> Buffer {
        var buffer = Buffer(width: 80, height: 24)
        let bands = buffer.area.rows([.fixed(1), .rest, .fixed(1), .fixed(1)])
        TabBar(titles: tabs, selected: 1).render(into: &buffer, area: bands[0])
        let panes = bands[1].columns([.percent(40), .rest])
        let listArea = Border(title: "Runs (\(runs.count))").render(into: &buffer, area: panes[0])
        var listState = ListState(selected: runs.selected)
        ListView().render(count: runs.count, into: &buffer, area: listArea, state: &listState, row: runs.row)
        let outputArea = Border(title: title, characters: .rounded).render(into: &buffer, area: panes[1])
        let pane = TextPane()
        let text = WrappedText(width: pane.contentWidth(for: outputArea), text: output)
        var paneState = TextPaneState()
        pane.render(text, into: &buffer, area: outputArea, state: &paneState)
        StatusLine(left: status, right: right).render(into: &buffer, area: bands[2])
        KeyBar(keys).render(into: &buffer, area: bands[3])
        return buffer
    }

    /// `text` followed by spaces up to `width` columns.
    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    @Test func dashboard() {
        let steps = ["retrieve", "rerank", "summarize", "answer"]
        let output = """
            Step 3/4 summarize: the retrieved passages describe how the ncurses backend \
            draws only the cells that changed between two frames.

            - Buffer holds a grid of cells
            - diff(from:) yields runs of changed cells
            - widgets draw into a Rect

            Streaming tokens are appended to a WrappedText, so each frame rewraps only \
            the open last line. The pane follows the end until you scroll up.

            Tokens so far: 1,204 (prompt 1,020 + completion 184); latency 3.2 s; \
            cost $0.0031. The scrollbar on the right shows that the pane is \
            following the end of a text taller than itself: its thumb sits at the \
            bottom of the track.

            Scrolling up with ↑ stops following; pressing f follows the end again \
            and new tokens keep appearing at the bottom of the pane.
            """
        let buffer = Self.screen(
            tabs: ["Runs", "Trace", "Prompts", "Logs"],
            runs: (100_000, 4_321, { index in
                [Span(Self.padded("#\(index)", 7), style: Style(fg: .grey)),
                 Span(Self.padded(steps[index % steps.count], 10)),
                 Span(index % 7 == 0 ? "error" : "ok", style: Style(fg: index % 7 == 0 ? .red : .green))]
            }),
            title: "Output · run 4321", output: output,
            status: [Span("run 4321", style: Style(bold: true)), " · step 3/4 · model gpt-4o"],
            right: ["1,204 tok  3.2s"]
        )
        Snapshot.assertMatches(buffer, named: "dashboard")
        #expect(!containsUnsafeScalar(buffer))
    }

    @Test func cjkScreen() {
        let names = ["翻译任务", "要約（日本語）", "요약 작업", "mixed 混合 text", "emoji 🙂 run", "x边缘测试边缘测试边缘测试边缘测试"]
        let output = """
            模型输出：这是一个用于测试宽字符换行的段落，中文没有空格，所以必须在任意字符边界处换行。\
            日本語の文章も同じように折り返されます。

            Mixed 中英文 text with 全角ＡＢＣ and emoji 🙂👍🏽 stays aligned.
            """
        let buffer = Self.screen(
            tabs: ["运行", "追踪", "提示词", "日志"],
            runs: (names.count, 5, { [Span("\($0 + 1). "), Span(names[$0])] }),
            title: "模型输出 — 中文测试", output: output,
            status: [Span("运行 #6", style: Style(bold: true)), " · 步骤 2/3"],
            right: ["令牌 512"]
        )
        Snapshot.assertMatches(buffer, named: "cjk")
        #expect(!containsUnsafeScalar(buffer))
    }

    @Test func escapeInjection() {
        let hostile = [
            "\u{1B}[31mred\u{1B}[0m name",
            "title\u{1B}]0;pwned\u{07}",
            "clear\u{1B}[2J\u{1B}[H",
            "bidi \u{202E}txt.exe\u{202C}",
            "c1 \u{9B}31m csi",
            "tab\there\u{7F}",
        ]
        let output = """
            Model said: \u{1B}[31mred\u{1B}[0m and \u{1B}[1;32mgreen\u{1B}[0m
            OSC title: \u{1B}]0;owned\u{07} bell\u{07}\u{07}
            cursor: \u{1B}[10;10H\u{1B}[2K erase, CR\rreturn, NUL\u{00} DEL\u{7F}
            C1 CSI: \u{9B}2J, NEL:\u{85}, bidi: \u{2067}abc\u{2069} \u{202E}fdp.exe
            tabs:\tone\ttwo
            """
        let buffer = Self.screen(
            tabs: ["Runs", "Trace\u{1B}[5m", "Logs"],
            runs: (hostile.count, 0, { [Span(hostile[$0])] }),
            title: "Output \u{1B}[7m", output: output,
            status: [Span("error: \u{1B}[31mboom\u{1B}[0m\u{07}", style: Style(fg: .red))],
            right: ["\u{202E}3.2s"]
        )
        Snapshot.assertMatches(buffer, named: "escape_injection")
        #expect(!containsUnsafeScalar(buffer))
        #expect(buffer.lines().contains { $0.contains("␛[31mred␛[0m") })
    }
}
