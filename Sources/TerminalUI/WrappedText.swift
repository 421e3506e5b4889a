/// Incrementally wrapped text for streaming panes: ``append(_:)`` costs
/// O(chunk + width), not O(total text), and line access is by index.
///
/// Lines are exactly those of ``TextWrap/wrap(_:width:)`` on the whole text
/// appended so far, however it was split into chunks (even inside a grapheme
/// cluster or a "\r\n"). Finished visual lines are stored once; only the
/// open last line, plus the final cluster (which the next chunk may still
/// extend), is recomputed per append. The raw text is kept for
/// ``setWidth(_:)``, which rewraps everything.
public struct WrappedText: Sendable {
    /// Columns per line (≥ 1).
    public private(set) var width: Int
    /// All text appended so far, raw.
    public private(set) var text: String = ""
    private var committed: [String] = []
    private var wrapper: LineWrapper
    /// The last cluster of the input, not yet fed: the next chunk may extend it.
    private var tail: String = ""
    /// The lines after `committed`: those `tail` finishes, then the open line.
    private var pending: [String] = [""]

    /// Creates wrapped text of `width` columns, optionally with initial text.
    public init(width: Int, text: String = "") {
        self.width = max(1, width)
        wrapper = LineWrapper(width: self.width)
        append(text)
    }

    /// Appends a chunk and wraps only what it can affect.
    public mutating func append(_ chunk: String) {
        guard !chunk.isEmpty else { return }
        text += chunk
        var previous: Character?
        for character in tail + chunk {
            if let previous { wrapper.feed(previous, into: &committed) }
            previous = character
        }
        tail = previous.map { String($0) } ?? ""
        var preview = wrapper
        var lines: [String] = []
        for character in tail { preview.feed(character, into: &lines) }
        lines.append(preview.pendingLine)
        pending = lines
    }

    /// Rewraps all text at a new width (O(total text)); no-op if unchanged.
    public mutating func setWidth(_ newWidth: Int) {
        let newWidth = max(1, newWidth)
        guard newWidth != width else { return }
        self = WrappedText(width: newWidth, text: text)
    }

    /// Removes all text.
    public mutating func removeAll() {
        self = WrappedText(width: width)
    }

    /// Number of visual lines (at least 1: empty text is one empty line).
    public var lineCount: Int { committed.count + pending.count }

    /// The visual line at `index` (0 ..< lineCount).
    public subscript(index: Int) -> String {
        precondition(index >= 0 && index < lineCount, "line \(index) out of 0..<\(lineCount)")
        return index < committed.count ? committed[index] : pending[index - committed.count]
    }

    /// The lines in `range`, clamped to the available lines.
    public func lines(_ range: Range<Int>) -> [String] {
        let lower = min(max(0, range.lowerBound), lineCount)
        let upper = min(max(lower, range.upperBound), lineCount)
        return (lower..<upper).map { self[$0] }
    }

    /// The last `count` lines (fewer if there are not that many).
    public func lastLines(_ count: Int) -> [String] {
        lines((lineCount - max(0, count))..<lineCount)
    }

    /// All visual lines.
    public var allLines: [String] { committed + pending }
}
