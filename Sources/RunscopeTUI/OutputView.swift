import RunscopeInspector
import TerminalUI

/// The Output view of `runscope exec`: what the program printed (sanitised like model
/// text), scrollable, and its exit status once it ended. `o` shows it over the tree
/// and pane; it keeps the inspector's header row. It follows the end of the output
/// until the user scrolls up, and again after `End`.
struct OutputView {
    /// The first line shown; `nil`: follow the end.
    private(set) var top: Int?

    /// Handles a scrolling key; `false` if the key is not the view's.
    mutating func handle(_ key: Key, lineCount: Int, height: Int) -> Bool {
        let page = max(1, height - 1)
        let last = max(0, lineCount - height)
        let current = top ?? last
        switch key {
        case .up, .char("k"): top = max(0, current - 1)
        case .down, .char("j"): top = current + 1
        case .pageUp: top = max(0, current - page)
        case .pageDown, .char(" "): top = current + page
        case .home, .char("g"): top = 0
        case .end, .char("G"): top = nil
        default: return false
        }
        if let value = top, value >= last { top = nil }
        return true
    }

    /// Draws the output over everything below the header of `buffer`.
    func draw(_ output: OutputLog, into buffer: inout Buffer) {
        let (lines, status) = { let s = output.snapshot(); return (s.lines, s.exitStatus) }()
        let height = Self.bodyHeight(buffer.height)
        let area = Rect(x: 0, y: 1, width: buffer.width, height: height + 1)
        buffer.fill(area, with: .blank)
        let first = top ?? max(0, lines.count - height)
        for (row, line) in lines.dropFirst(first).prefix(height).enumerated() {
            buffer.putClipped(Sanitizer.sanitize(line), x: 0, y: 1 + row, maxWidth: buffer.width)
        }
        if lines.isEmpty { buffer.putClipped("(no output yet)", x: 0, y: 1, maxWidth: buffer.width, style: Theme.dim) }
        let ended = status.map { $0 > 128 ? "stopped by signal \($0 - 128)" : "exited with status \($0)" } ?? "running"
        let shown = lines.isEmpty ? "" : " · lines \(first + 1)–\(min(lines.count, first + height)) of \(lines.count)"
        let bar = "Output · \(ended)\(shown) · ↑↓ PgUp PgDn g G scroll · o back · r rerun · q quit"
        buffer.fill(Rect(x: 0, y: buffer.height - 1, width: buffer.width, height: 1), with: .blank)
        buffer.putClipped(bar, x: 0, y: buffer.height - 1, maxWidth: buffer.width,
                          style: status.map { $0 == 0 ? Theme.label : Theme.error } ?? Theme.label)
    }

    /// The rows of output shown: all but the header and the bottom bar.
    static func bodyHeight(_ height: Int) -> Int { max(0, height - 2) }
}
