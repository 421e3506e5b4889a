import TerminalUI

/// How one side of a diff row is laid out: the marker, the indented name, then status,
/// duration, tokens (and cost when the diff has any) in fixed columns.
struct DiffRowLayout: Sendable {
    var sideWidth: Int
    var showsCost: Bool

    /// The fixed columns after the name.
    var fieldsWidth: Int { 17 + (showsCost ? 8 : 0) }
    var nameWidth: Int { max(4, sideWidth - 2 - fieldsWidth) }

    /// The column titles after the side's letter.
    var title: String {
        "run".padding(toLength: nameWidth - 2, withPad: " ", startingAt: 0) + " s duration   tok" + (showsCost ? "    cost" : "")
    }

    /// A side's spans: `▸ ` on the selected row, then the run, or a gap when it is on the other side only.
    func spans(_ cell: DiffSideCell?, selected: Bool) -> [Span] {
        let marker = Span(selected ? "▸ " : "  ", style: HistoryTheme.mark)
        guard let cell else { return [marker, Span(String(repeating: "╌", count: sideWidth - 2), style: HistoryTheme.dim)] }
        let indent = String(repeating: "  ", count: min(cell.depth, 8))
        let name = TextWrap.truncate(indent + cell.name, toWidth: nameWidth, ellipsis: "…")
        var spans = [
            marker, Span(name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)), Span(" "),
            HistoryTheme.statusMark(cell.status),
            Span(" " + pad(cell.duration, 8) + " " + pad(cell.tokens, 5)),
        ]
        if showsCost { spans.append(Span(" " + pad(cell.cost, 7))) }
        let used = 2 + nameWidth + fieldsWidth
        if used < sideWidth { spans.append(Span(String(repeating: " ", count: sideWidth - used))) }
        return spans
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
