import Foundation
import RunscopeCore

/// Applies `action` to `state` and returns what the app should do. Pure: no
/// I/O, no clock (times come in the actions), so every path is testable.
public func reduce(_ state: inout InspectorState, _ action: InspectorAction) -> [InspectorEffect] {
    var effects: [InspectorEffect] = []
    switch action {
    case .events(let batch):
        state.applyEvents(batch)
    case .key(let key):
        effects = state.handleKey(key)
    case .mouse(let input):
        effects = state.handleMouse(input)
    case .tick(let now):
        state.now = now
        guard state.chain.isRunning else { return [] }
    case .resize(let width, let height):
        state.layout = InspectorLayout(width: width, height: height)
    case .chainStarted(let time):
        state.restart(at: time)
    case .chainEnded(let result, let time):
        state.end(result, at: time)
    case .playback(let playback):
        guard state.playback != playback else { return [] }
        state.playback = playback
    case .notice(let text):
        state.message = text
    case .approvalsRequested(let requests):
        state.requestApprovals(requests)
    case .approvalResolved(let id):
        state.approvals.removeAll { $0.id == id }
    case .stepRerunStarted(let original, let rerun, let time):
        state.startStepRerun(original: original, rerun: rerun, at: time)
    }
    state.forest.ensureRows()
    state.keepSelectionVisible()
    state.revision &+= 1
    return effects
}

extension InspectorState {
    /// Applies a batch of events; follow mode then picks the streaming run, or
    /// the agent's current step when a graph run started after the last token.
    mutating func applyEvents(_ batch: [TimedEvent]) {
        var lastStreamed: Int?
        var stepStarts: [Int] = []
        // A replay's wall time starts at its first recorded event, not when the replay began.
        if playback != nil, forest.count == 0, let first = batch.first { chainStart = first.time }
        for item in batch {
            let index = forest.apply(item)
            if case .newToken = item.event {
                totalTokens += 1
                rate.record(at: item.time)
                lastStreamed = index
                stepStarts.removeAll()
            } else if item.event.isStart, forest[index].isInGraph {
                stepStarts.append(index)
            }
            if item.time > now { now = item.time }
        }
        if forest.filter != .all { forest.invalidateRows() }  // runs fail and end: who passes changes
        forest.ensureRows()
        if selected == nil, let first = forest.rows.first { select(first) }
        selectArrivedRerun()
        guard follow else { return }
        // Step starts left after the last token came after it: the newest running one, else the newest.
        let step = stepStarts.last { forest[$0].status.isActive && forest.isShown($0) } ?? stepStarts.last { forest.isShown($0) }
        if let step {
            followStream(to: step)
        } else if let target = lastStreamed {
            followStream(to: target)
        }
    }

    /// Selects the root of a step run again (`E`) once its first event has come.
    mutating func selectArrivedRerun() {
        guard let id = awaitedRerun, let index = forest.index(of: id) else { return }
        awaitedRerun = nil
        if forest.isShown(index) { revealAndSelect(index) }
    }

    /// In follow mode, moves to the run that streams, unless the selected run
    /// is a model run still streaming (so parallel streams do not flicker).
    mutating func followStream(to target: Int) {
        if let current = selected, current != target {
            let node = forest[current]
            if node.runType.isModel && node.status.isActive && node.tokenCount > 0 { return }
        }
        guard selected != target, forest.isShown(target) else { return }
        revealAndSelect(target)
    }

    /// Opens the runs above `index` so that it has a row, and selects it.
    mutating func revealAndSelect(_ index: Int) {
        forest.reveal(index)
        forest.ensureRows()
        select(index)
    }

    /// Resets run data for a new chain run; view settings stay.
    mutating func restart(at time: Date) {
        let showsHidden = forest.showsHidden
        let filter = forest.filter
        forest = RunForest(prices: forest.prices)
        timelineZoom = nil
        forest.setShowsHidden(showsHidden)
        forest.setFilter(filter)
        chain = .running
        chainStart = time
        chainEnd = nil
        chainError = nil
        now = time
        totalTokens = 0
        rate = RateMeter()
        selected = nil
        treeOffset = 0
        follow = true
        paneEpoch &+= 1
        paneStartsAtEnd = true
        cancelRequested = false
        confirmingQuit = false
        message = nil
        approvals = []
        reruns = [:]
        awaitedRerun = nil
    }

    /// Records how the chain ended; runs still active then end as cancelled.
    mutating func end(_ result: ChainResult, at time: Date) {
        chainEnd = time
        if time > now { now = time }
        switch result {
        case .succeeded:
            // A graph stopped at an interrupt ends normally (its tool or node run has the GraphInterrupt).
            chain = forest.nodes.contains { $0.status == .interrupted } ? .interrupted : .finished
        case .failed(let type, let text):
            let status = LangGraphTraits.status(for: RunError(type: type, message: text))
            chain = status.isControlFlow ? (status == .interrupted ? .interrupted : .finished) : .failed
            chainError = chain == .failed ? "\(type): \(text)" : nil
        case .cancelled: chain = .cancelled
        }
        forest.cancelActive(at: time)
        confirmingQuit = false
        approvals = []
        if follow, chain == .failed, let origin = failureOrigin() {
            revealAndSelect(origin)
            selectTab(.error)
        }
    }

    /// The run where the chain's failure started: the first failed run in tree order with no failed child.
    func failureOrigin() -> Int? {
        forest.depthFirstOrder().first { index in
            forest[index].status == .failed && !forest[index].children.contains { forest[$0].status == .failed }
        }
    }

    /// Selects run `index` (which must have a row) and resets the pane's scroll.
    mutating func select(_ index: Int) {
        guard selected != index else { return }
        selected = index
        resetPaneScroll()
    }

    /// Puts the pane back at its start position for the current tab.
    mutating func resetPaneScroll() {
        paneEpoch &+= 1
        paneStartsAtEnd = tab == .stream
    }

    /// Makes sure the selection has a row and the tree shows it.
    mutating func keepSelectionVisible() {
        if let current = selected, forest.row(of: current) == nil {
            selected = forest.ancestors(of: current).first { forest.row(of: $0) != nil }
        }
        if selected == nil, let first = forest.rows.first { selected = first }
        let rows = layout.treeRows
        let count = forest.rows.count
        if let current = selected, let row = forest.row(of: current) {
            if row < treeOffset { treeOffset = row }
            if row >= treeOffset + rows { treeOffset = row - rows + 1 }
        }
        treeOffset = min(max(0, treeOffset), max(0, count - rows))
    }
}
