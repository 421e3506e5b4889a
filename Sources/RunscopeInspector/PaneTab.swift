/// The tabs of the detail pane, in order (keys 1–6).
public enum PaneTab: Int, Sendable, CaseIterable {
    case stream, input, output, error, info, messages

    /// The tab's title.
    public var title: String {
        switch self {
        case .stream: return "Stream"
        case .input: return "Input"
        case .output: return "Output"
        case .error: return "Error"
        case .info: return "Info"
        case .messages: return "Messages"
        }
    }

    /// A shorter title for narrow panes.
    public var shortTitle: String {
        switch self {
        case .stream: return "Stream"
        case .input: return "In"
        case .output: return "Out"
        case .error: return "Err"
        case .info: return "Info"
        case .messages: return "Msgs"
        }
    }
}

extension PaneTab {
    /// The tab bar's titles for `node` in `width` columns: `1 Stream`, else `Stream`, else
    /// `In`..., the first that fits (the Error tab marked ✗ or ⚠ when the run failed or handled one).
    /// Widths count scalars: every title is ASCII but for those two marks, each one cell wide.
    public static func titles(for node: RunNode, width: Int) -> [String] {
        let mark = node.hasFailure ? " ✗" : (node.status == .handledError ? " ⚠" : "")
        let variants: [(PaneTab) -> String] = [{ "\($0.rawValue + 1) \($0.title)" }, { $0.title }, { $0.shortTitle }]
        var titles: [String] = []
        for variant in variants {
            titles = allCases.map { variant($0) + ($0 == .error ? mark : "") }
            let used = titles.reduce(titles.count - 1) { $0 + $1.unicodeScalars.count + 2 }
            if used <= width { break }
        }
        return titles
    }

    /// The tab whose title is at `column` of a bar of `titles` (`" title │ title "`), if any.
    public static func at(column: Int, titles: [String]) -> PaneTab? {
        var start = 0
        for (index, title) in titles.enumerated() {
            let end = start + title.unicodeScalars.count + 2
            if column >= start && column < end { return PaneTab(rawValue: index) }
            start = end + 1
        }
        return nil
    }
}
