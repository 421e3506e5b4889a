/// Key handling: prompts first (help, quit confirmation, search), then commands.
extension InspectorState {
    /// Handles one key and returns the effects it asks for.
    mutating func handleKey(_ key: Key) -> [InspectorEffect] {
        if showsHelp {
            showsHelp = false
            return []
        }
        if confirmingQuit { return answerQuit(key) }
        if search.editing {
            editSearch(key)
            return []
        }
        if let effects = answerApproval(key) { return effects }
        message = nil
        guard let command = KeyMap.command(for: key, replaying: playback != nil) else { return [] }
        return run(command)
    }

    /// Runs one command.
    mutating func run(_ command: InspectorCommand) -> [InspectorEffect] {
        switch command {
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            if focus == .pane { return [.scrollPane(Self.paneScroll(command))] }
            moveSelection(command)
        case .expandOrEnter:
            if focus == .pane { switchTab(by: 1) } else { expandOrEnter() }
        case .collapseOrLeave:
            if focus == .pane { switchTab(by: -1) } else { collapseOrLeave() }
        case .toggle: toggleSelected()
        case .switchFocus: focus = focus == .tree ? .pane : .tree
        case .selectTab(let tab): selectTab(tab)
        case .toggleFollow: toggleFollow()
        case .toggleHidden: toggleHidden()
        case .expandAll: forest.setAllExpanded(true)
        case .collapseAll: collapseAll()
        case .startSearch:
            search = SearchState()
            search.editing = true
            search.origin = selected
        case .nextMatch: jumpToMatch(forward: true, includingCurrent: false)
        case .previousMatch: jumpToMatch(forward: false, includingCurrent: false)
        case .rerun: return [.rerun]
        case .quit: return requestQuit()
        case .interrupt: return interrupt()
        case .help: showsHelp = true
        case .openHistory: return [.openHistory]
        case .toggleTimeline:
            showsTimeline.toggle()
            if !showsTimeline { timelineZoom = nil }
        case .zoomTimeline:
            guard showsTimeline, let selected else { break }
            timelineZoom = selected
            message = "Timeline zoomed to \(forest[selected].name) · Z for everything"
        case .unzoomTimeline: timelineZoom = nil
        case .cycleFilter: cycleFilter()
        case .copyPane:
            guard let selected else { message = "No run to copy"; break }
            return [.copyPane(run: selected, tab: tab)]
        case .writeSubtree:
            guard let selected else { message = "No run to write"; break }
            return [.writeSubtree(run: selected)]
        case .editStep: return editStep()
        case .compareRerun: return compareRerun()
        case .togglePause: return [.togglePause]
        case .stepEvent: return [.step]
        }
        return []
    }

    /// `q`: quits at once unless the chain runs, then asks.
    mutating func requestQuit() -> [InspectorEffect] {
        guard chain.isRunning, playback == nil else { return [.quit] }
        confirmingQuit = true
        return []
    }

    /// The answer to "quit while running?": y or q quits (Ctrl-C too), anything else stays.
    mutating func answerQuit(_ key: Key) -> [InspectorEffect] {
        confirmingQuit = false
        switch key {
        case .char("y"), .char("Y"), .char("q"), .ctrlC: return [.quit]
        default: return []
        }
    }

    /// Ctrl-C: cancels a running chain; a second one (or one after the end) quits.
    mutating func interrupt() -> [InspectorEffect] {
        guard chain.isRunning, !cancelRequested else { return [.quit] }
        cancelRequested = true
        message = "Cancelling the chain… press Ctrl-C again to quit"
        return [.cancelChain]
    }

    /// `f`: follow mode on or off; turning it on jumps to the run that streams.
    mutating func toggleFollow() {
        follow.toggle()
        message = follow ? "Follow mode on" : "Follow mode off"
        guard follow else { return }
        let current = forest.nodes.indices.last { index in
            let node = forest[index]
            return node.status.isActive && (node.runType.isModel || node.isInGraph) && forest.isShown(index)
        }
        if let current { followStream(to: current) }
    }

    /// `a`: shows or hides the runs tagged `langsmith:hidden` (LangGraph plumbing) and the runs below them.
    mutating func toggleHidden() {
        forest.setShowsHidden(!forest.showsHidden)
        let count = forest.hiddenCount
        let runs = count == 1 ? "1 run" : "\(count) runs"
        message = forest.showsHidden ? "Showing hidden runs (\(runs) tagged langsmith:hidden)"
            : "Hiding runs tagged langsmith:hidden (\(runs))"
    }

    /// `F`: the next filter; the selection stays if its run is still shown, else it goes to
    /// the first row.
    mutating func cycleFilter() {
        forest.setFilter(forest.filter.next)
        forest.ensureRows()
        let shown = forest.rows.count
        message = forest.filter.label.map { "Showing \($0): \(shown) of \(forest.count) runs (F: next filter)" } ?? "Showing every run"
        if let current = selected, forest.row(of: current) != nil { return }
        userMoved()
        if let first = forest.rows.first { select(first) } else { selected = nil }
    }

    /// Picks a tab of the detail pane.
    mutating func selectTab(_ newTab: PaneTab) {
        guard tab != newTab else { return }
        tab = newTab
        resetPaneScroll()
    }

    /// Moves to the next or previous tab, wrapping around.
    mutating func switchTab(by delta: Int) {
        let count = PaneTab.allCases.count
        selectTab(PaneTab(rawValue: (tab.rawValue + delta + count) % count)!)
    }
}
