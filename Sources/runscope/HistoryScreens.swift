import Foundation
import RunscopeCore
import RunscopeHistory
import RunscopeHistoryUI
import RunscopeReplay
import RunscopeTUI

/// The CLI's side of the history screens: how Enter opens a trace (as `runscope show`
/// does), and the screen `H` opens over an inspector.
enum HistoryScreens {
    /// Opens a trace in the inspector on the history's terminal, replayed all at once as
    /// `runscope show REF` replays it; q comes back. Returns what to tell the user, if anything.
    static let opener: HistoryApp.TraceOpener = { trace, terminal in
        let store: HistoryStore
        let stored: StoredTrace
        do {
            store = try openStore()
            stored = try StoredTrace.load(trace, from: store)
        } catch {
            return "\(error)"
        }
        let clock = ReplayClock(speed: nil)
        let entries = stored.entries
        do {
            _ = try InspectorApp.runNested(title: stored.title, playback: clock, on: terminal) { handlers in
                Task {
                    try await Replayer(clock: clock).replay(entries, to: handlers)
                    return .null
                }
            }
        } catch {
            return "cannot open the inspector: \(error)"
        }
        let skipped = stored.reader.skipped > 0 ? ["\(stored.reader.skipped) unreadable line(s) skipped"] : []
        return (stored.notes + skipped).first
    }

    /// The history screen `H` opens in the inspector of `run`, `show`, `replay` and `tail`.
    static func overlay() -> InspectorApp.Overlay {
        HistoryApp.overlay(store: { () throws(HistoryError) in try openStore() }, open: opener)
    }

    /// The history store at `$RUNSCOPE_HOME` (the environment's timeout).
    static func openStore() throws(HistoryError) -> HistoryStore {
        let environment = ProcessInfo.processInfo.environment
        return try HistoryStore.open(path: HistoryLocation.databasePath(environment), timeout: HistoryLocation.busyTimeout(environment))
    }
}
