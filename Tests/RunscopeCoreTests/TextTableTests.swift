import RunscopeCore
import Testing

/// Aligned text columns: every column as wide as its widest cell, two spaces apart, the
/// last cell of a row unpadded, trailing spaces trimmed on request.
@Suite struct TextTableTests {
    @Test func columnsAlignAndTheLastCellIsNotPadded() {
        let rows = [["run", "status", "cost"], ["a-long-name", "ok", ""], ["b", "failed", "$0.01"]]
        #expect(TextTable.columnWidths(rows) == [11, 6, 5])
        #expect(TextTable.lines(rows) == ["run          status  cost", "a-long-name  ok      ", "b            failed  $0.01"])
        #expect(TextTable.lines(rows, trimmed: true)[1] == "a-long-name  ok")
        #expect(TextTable.lines([]).isEmpty && TextTable.columnWidths([]).isEmpty)
    }
}
