import Foundation
import NcursesBackend
import RunscopeHistory
import RunscopeInspector
import RunscopeTUI
import TerminalUI

/// The history screens as programs: the list (bare `runscope`), the same list over an
/// inspector (`H`), and the diff split view (`runscope diff A B` on a terminal). Each
/// takes the terminal on a UI thread of its own, or runs on the inspector's.
public enum HistoryApp {
    /// Opens a trace on the given (started) terminal, as `runscope show` does, until the
    /// user leaves it; returns a line for the history's bottom row, or nil.
    public typealias TraceOpener = @Sendable (TraceSummary, any TerminalBackend) -> String?

    /// The history screen until the user quits: 0, or 128 + the signal that ended it (the
    /// terminal is restored on every way out); `mouse`: clicks and the wheel are reported.
    /// Throws when there is no usable terminal.
    public static func browse(store: HistoryStore, open: @escaping TraceOpener, mouse: Bool = true) async throws -> Int32 {
        try await onUIThread(mouse: mouse) { terminal in
            HistoryBrowser(store: store, open: open, terminal: terminal, escapeQuits: false).run()
        }
    }

    /// What `H` opens over an inspector: the history screen on the inspector's terminal;
    /// q (or Esc) comes back. `store` opens the history (its error is shown in the inspector).
    public static func overlay(
        store: @escaping @Sendable () throws(HistoryError) -> HistoryStore, open: TraceOpener?
    ) -> InspectorApp.Overlay {
        { terminal in
            do throws(HistoryError) {
                _ = HistoryBrowser(store: try store(), open: open, terminal: terminal, escapeQuits: true).run()
                return nil
            } catch {
                return error.description
            }
        }
    }

    /// What `d` opens over an inspector: a step run again beside its original in the diff
    /// split view, on the inspector's terminal; q (or Esc) comes back.
    public static let compareOverlay: InspectorApp.Compare = { terminal, forest, original, rerun in
        let diff = ForestDiff.diff(forest, original: original, rerun: rerun)
        _ = DiffScreen(diff: diff, terminal: terminal).run()
        return "Compared \(forest[original].name) with its rerun: \(diff.changedRows) of \(diff.rows.count) rows differ"
    }

    /// The diff split view until q: 0, or 128 + the signal that ended it.
    public static func showDiff(_ diff: RunDiff, mouse: Bool = true) async throws -> Int32 {
        try await onUIThread(mouse: mouse) { terminal in DiffScreen(diff: diff, terminal: terminal).run() }
    }

    /// Starts the terminal on a thread of its own, runs `body` there, restores the terminal.
    private static func onUIThread(mouse: Bool, _ body: @escaping @Sendable (NcursesTerminal) -> Int32?) async throws -> Int32 {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
            let thread = Thread {
                let terminal = NcursesTerminal(mouse: mouse)
                do {
                    try terminal.start()
                } catch {
                    return continuation.resume(throwing: error)
                }
                let signal = body(terminal)
                terminal.restore()
                continuation.resume(returning: signal.map { 128 + $0 } ?? 0)
            }
            thread.name = "runscope-history-ui"
            thread.start()
        }
    }
}
