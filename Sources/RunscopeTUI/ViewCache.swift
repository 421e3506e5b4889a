import RunscopeInspector
import TerminalUI

/// Work the view keeps between frames: the wrapped stream text of model runs
/// (appended incrementally, so a token costs O(token), not O(text)) and the
/// wrapped text of the other tabs. Entries not used in a frame are dropped.
public struct ViewCache: Sendable {
    struct Stream: Sendable {
        var wrapped: WrappedText
        var consumed: Int
    }

    struct Page: Sendable {
        var key: PageKey
        var lines: [StyledLine]
    }

    struct PageKey: Hashable, Sendable {
        var node: Int
        var tab: PaneTab
        var version: Int
        var width: Int
        /// Counts over the runs below (shown by the Info and Error tabs).
        var below: [Int]
    }

    private var streams: [Int: Stream] = [:]
    private var used: Set<Int> = []
    private var page: Page?

    /// An empty cache.
    public init() {}

    mutating func beginFrame() { used.removeAll(keepingCapacity: true) }

    mutating func endFrame() {
        if streams.count > used.count { streams = streams.filter { used.contains($0.key) } }
    }

    /// The stream text of run `index` wrapped at `width`, brought up to date with its tokens.
    mutating func stream(_ index: Int, node: RunNode, width: Int) -> WrappedText {
        used.insert(index)
        var entry = streams[index] ?? Stream(wrapped: WrappedText(width: width), consumed: 0)
        streams[index] = nil
        entry.wrapped.setWidth(width)
        let total = node.text.utf8.count
        if total > entry.consumed {
            let start = node.text.utf8.index(node.text.utf8.startIndex, offsetBy: entry.consumed)
            entry.wrapped.append(String(node.text[start...]))
            entry.consumed = total
        } else if total < entry.consumed {
            entry = Stream(wrapped: WrappedText(width: width, text: node.text), consumed: total)
        }
        streams[index] = entry
        return entry.wrapped
    }

    /// The lines of a non-stream page, built by `make` when the key changed.
    mutating func page(_ key: PageKey, make: () -> [StyledLine]) -> [StyledLine] {
        if let page, page.key == key { return page.lines }
        let lines = make()
        page = Page(key: key, lines: lines)
        return lines
    }
}

/// One line of pane content in one style.
struct StyledLine: Sendable {
    var text: String
    var style: Style

    init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}
