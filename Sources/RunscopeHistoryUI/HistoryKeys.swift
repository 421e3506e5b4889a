import RunscopeInspector

/// The history screen's keys, their help and the key bar.
public enum HistoryKeys {
    /// What a key does in the list.
    public enum Command: Sendable, Equatable {
        case moveUp, moveDown, pageUp, pageDown, first, last
        /// The mouse wheel: three rows up or down.
        case wheelUp, wheelDown
        case open, mark, compare, search, clearSearch, cycleStatus, reload, help, quit
    }

    /// The command bound to `key`, if any.
    public static func command(for key: Key) -> Command? {
        switch key {
        case .up, .char("k"): return .moveUp
        case .down, .char("j"): return .moveDown
        case .pageUp: return .pageUp
        case .pageDown, .char(" "): return .pageDown
        case .home, .char("g"): return .first
        case .end, .char("G"): return .last
        case .enter: return .open
        case .char("m"): return .mark
        case .char("d"): return .compare
        case .char("/"): return .search
        case .escape: return .clearSearch
        case .char("s"): return .cycleStatus
        case .char("r"): return .reload
        case .char("?"): return .help
        case .char("q"), .ctrlC: return .quit
        default: return nil
        }
    }

    /// Key and description pairs for the help.
    public static let help: [(keys: String, action: String)] = [
        ("↑ ↓  k j", "move the selection"),
        ("PgUp PgDn", "move a page (more traces load as you go)"),
        ("Home End  g G", "first / last loaded"),
        ("Enter", "open the trace in the inspector (q comes back here)"),
        ("/", "full-text search of the runs' text (Enter applies)"),
        ("Esc", "clear the filters; with none, back to the inspector (H)"),
        ("s", "next status filter: all, ok, failed, cancelled, …"),
        ("m", "mark / unmark for comparison (two at most: A and B)"),
        ("d", "compare the two marked runs side by side"),
        ("r", "read the history again"),
        ("q", "quit (back to the inspector when opened from it)"),
        ("?", "this help (any key closes it)"),
        ("click", "select; on the selected trace: open; on the mark column: mark"),
        ("wheel", "move the selection three rows"),
    ]

    /// Short hints for the key bar.
    public static let hints: [(key: String, label: String)] = [
        ("q", "quit"), ("?", "help"), ("↑↓", "move"), ("Enter", "open"), ("/", "search"), ("s", "status"),
        ("m", "mark"), ("d", "diff"),
    ]
}
