import Foundation
import RunscopeHistory
import TerminalUI

/// The history screen on a terminal: runs the list's reducer, and carries out its effects:
/// pages from the store, a trace opened with the caller's opener (the inspector, as
/// `runscope show` opens it), two marked traces compared in the diff split view. Each
/// comes back to the list where it was. One thread (the UI's).
final class HistoryBrowser {
    private let store: HistoryStore
    private let open: HistoryApp.TraceOpener?
    private let loop: ScreenLoop
    private var state: HistoryListState
    private var quitting = false
    private var signal: Int32?
    /// The database's change counter when last looked at, and when that was.
    private var seenVersion: Int?
    private var lastLook = Date.distantPast
    /// How often the list looks whether the history changed.
    static let refreshInterval: TimeInterval = 1

    init(store: HistoryStore, open: HistoryApp.TraceOpener?, terminal: any TerminalBackend, escapeQuits: Bool) {
        self.store = store
        self.open = open
        loop = ScreenLoop(terminal: terminal)
        let size = loop.size
        state = HistoryListState(width: size.width, height: size.height, location: store.database.path, escapeQuits: escapeQuits)
    }

    /// Shows the list until the user quits; returns the signal that ended it, if one did.
    func run() -> Int32? {
        loop.invalidate()
        apply(.start)
        seenVersion = try? store.changeCount()
        let stopped = loop.run(revision: { state.revision }, render: { HistoryListView().render(state) }, idle: lookForChanges) { event in
            switch event {
            case .key(let key): apply(.key(key))
            case .mouse(let input): apply(.mouse(input))
            case .resize(let width, let height): apply(.resize(width: width, height: height))
            }
            return !quitting
        }
        return signal ?? stopped
    }

    /// At most once a second: when another connection wrote to the history (a run going on
    /// in this process or another), the list reads its first page again.
    private func lookForChanges() {
        let now = Date()
        guard now.timeIntervalSince(lastLook) >= Self.refreshInterval else { return }
        lastLook = now
        guard let version = try? store.changeCount(), version != seenVersion else { return }
        seenVersion = version
        apply(.historyChanged)
    }

    private func apply(_ action: HistoryListAction) {
        for effect in reduce(&state, action) { perform(effect) }
    }

    private func perform(_ effect: HistoryListEffect) {
        switch effect {
        case .load(let query):
            apply(query.fetch(from: store))
        case .open(let trace):
            guard let open else { return apply(.notice("Opening a trace is not available here")) }
            let note = open(trace, loop.terminal)
            comeBack(note)
        case .compare(let a, let b):
            comeBack(compare(a, b))
        case .quit:
            quitting = true
        }
    }

    /// After another screen: the size may have changed, everything is drawn again.
    private func comeBack(_ note: String?) {
        if let received = loop.terminal.receivedSignal {
            signal = received
            quitting = true
        }
        loop.invalidate()
        let size = loop.size
        apply(.resize(width: size.width, height: size.height))
        if let note { apply(.notice(note)) }
    }

    /// Runs the diff split view of `a` and `b` on this terminal; a note when they cannot be read.
    private func compare(_ a: TraceSummary, _ b: TraceSummary) -> String? {
        do {
            let diff = RunDiff(a: a, runsA: try store.runs(trace: a.id), b: b, runsB: try store.runs(trace: b.id))
            _ = DiffScreen(diff: diff, terminal: loop.terminal).run()
            return nil
        } catch {
            return error.description
        }
    }
}
