import Foundation

/// Rows of cells as text in aligned columns, two spaces apart, the last cell of a row
/// unpadded: what `runscope runs`, `diff`, `prices` and `--summary` print.
public enum TextTable {
    /// The width of each column: its widest cell (in characters).
    public static func columnWidths(_ rows: [[String]]) -> [Int] {
        guard let first = rows.first else { return [] }
        return (0..<first.count).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
    }

    /// One row's cells padded to `widths` and joined.
    public static func line(_ row: [String], widths: [Int]) -> String {
        row.enumerated().map { column, cell in
            column == row.count - 1 || column >= widths.count ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }

    /// Every row aligned; `trimmed`: without the spaces a row's empty last cells leave at its end.
    public static func lines(_ rows: [[String]], trimmed: Bool = false) -> [String] {
        let widths = columnWidths(rows)
        return rows.map { row in
            let text = line(row, widths: widths)
            guard trimmed else { return text }
            var end = text.endIndex
            while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
            return String(text[..<end])
        }
    }
}
