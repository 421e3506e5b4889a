/// What a key does in the main view (outside the help, search and quit prompts).
public enum InspectorCommand: Sendable, Equatable {
    case moveUp, moveDown
    /// Expands the run, or steps into its first child.
    case expandOrEnter
    /// Collapses the run, or goes to its parent.
    case collapseOrLeave
    case toggle
    case pageUp, pageDown, first, last
    case switchFocus
    case selectTab(PaneTab)
    case toggleFollow
    /// Shows or hides runs tagged `langsmith:hidden`.
    case toggleHidden
    case expandAll, collapseAll
    case startSearch, nextMatch, previousMatch
    case rerun, quit, interrupt, help
    /// Opens the history screen over the inspector (`H`).
    case openHistory
    /// The timeline in place of the detail pane (`t`); its axis over the selected run (`z`) or everything (`Z`).
    case toggleTimeline, zoomTimeline, unzoomTimeline
    /// Copies the pane's text to the clipboard (`y`); writes the selected subtree to a JSON file (`w`).
    case copyPane, writeSubtree
    /// Steps the tree's filter: failed only, models only, ≥ 100 ms, ≥ 1 s, all (`F`).
    case cycleFilter
    /// Runs the selected step again with an edited input (`E`); compares it with its original (`d`).
    case editStep, compareRerun
    /// Replay only: pause or resume, and one event at a time while paused.
    case togglePause, stepEvent
}

/// The key bindings, with vim letters, and the help text built from them.
public enum KeyMap {
    /// The command bound to `key` while replaying: Space pauses, `.` steps, the rest as usual.
    public static func command(for key: Key, replaying: Bool) -> InspectorCommand? {
        if replaying {
            if key == .char(" ") { return .togglePause }
            if key == .char(".") { return .stepEvent }
        }
        return command(for: key)
    }

    /// The command bound to `key`, if any.
    public static func command(for key: Key) -> InspectorCommand? {
        switch key {
        case .up, .char("k"): return .moveUp
        case .down, .char("j"): return .moveDown
        case .right, .char("l"): return .expandOrEnter
        case .left, .char("h"): return .collapseOrLeave
        case .enter, .char(" "): return .toggle
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .home, .char("g"): return .first
        case .end, .char("G"): return .last
        case .tab, .backTab: return .switchFocus
        case .char("f"): return .toggleFollow
        case .char("a"): return .toggleHidden
        case .char("e"): return .expandAll
        case .char("c"): return .collapseAll
        case .char("E"): return .editStep
        case .char("d"): return .compareRerun
        case .char("/"): return .startSearch
        case .char("n"): return .nextMatch
        case .char("N"): return .previousMatch
        case .char("r"): return .rerun
        case .char("q"): return .quit
        case .ctrlC: return .interrupt
        case .char("?"): return .help
        case .char("H"): return .openHistory
        case .char("t"): return .toggleTimeline
        case .char("z"): return .zoomTimeline
        case .char("Z"): return .unzoomTimeline
        case .char("y"): return .copyPane
        case .char("w"): return .writeSubtree
        case .char("F"): return .cycleFilter
        case .char(let c):
            if let digit = c.wholeNumberValue, let tab = PaneTab(rawValue: digit - 1), c.isASCII { return .selectTab(tab) }
            return nil
        default: return nil
        }
    }

    /// Key and description pairs for the help screen, in display order.
    public static let help: [(keys: String, action: String)] = [
        ("↑ ↓  k j", "move the selection (scroll the pane when it has focus)"),
        ("→ ←  l h", "expand / step in; collapse / go to the parent"),
        ("Enter  Space", "expand or collapse"),
        ("PgUp PgDn", "move a page"),
        ("Home End  g G", "first / last"),
        ("Tab", "switch focus between tree and pane"),
        ("1–6", "Stream, Input, Output, Error, Info, Messages tab"),
        ("f", "follow the streaming run / the agent's step (on at start)"),
        ("a", "show / hide runs tagged langsmith:hidden"),
        ("e  c  F", "expand all / collapse all; filter: failed, models, slow"),
        ("/  n N", "search names, then texts and errors; next / previous"),
        ("r  E  d", "run the chain again / the step, input edited / compare"),
        ("H", "the history: every run kept, search, compare two"),
        ("t  z Z", "timeline in place of the pane; zoom to the run / to all"),
        ("y  w", "copy the pane (OSC 52) / write the subtree to a JSON file"),
        ("mouse", "click: select, fold at ▸ ▾, pick a tab; wheel: scroll"),
        ("q  Ctrl-C", "quit (asks while running) / cancel the chain, again: quit"),
        ("?", "this help (any key closes it)"),
        ("Space  .", "replay: pause or resume; one event at a time while paused"),
        ("Enter  e  s", "a tool call waits (--approve-tools): run / edit / skip it"),
    ]

    /// Short hints for the key bar.
    public static let hints: [(key: String, label: String)] = [
        ("q", "quit"), ("?", "help"), ("↑↓", "move"), ("←→", "fold"), ("Tab", "focus"),
        ("1-6", "tabs"), ("f", "follow"), ("/", "search"), ("r", "rerun"), ("^C", "cancel"),
    ]
}
