import Foundation
import RunscopeCore

/// How a chain run ended, as the app reports it to the reducer.
public enum ChainResult: Sendable, Equatable {
    case succeeded
    case failed(type: String, message: String)
    case cancelled
}

/// Everything that can change the inspector's state.
public enum InspectorAction: Sendable {
    /// A batch of events drained from the handler (once per frame).
    case events([TimedEvent])
    /// A key press.
    case key(Key)
    /// A click or wheel step (see ``MouseInput``).
    case mouse(MouseInput)
    /// The clock moved on (elapsed times, spinner, rates).
    case tick(Date)
    /// The terminal has a new size.
    case resize(width: Int, height: Int)
    /// A (new) chain run started: run data is reset, view settings are kept.
    case chainStarted(Date)
    /// The chain run ended.
    case chainEnded(ChainResult, Date)
    /// A replay or tail reports its state (`nil` for a live run).
    case playback(Playback?)
    /// A line for the bottom row from the app (e.g. why the history cannot open); cleared by the next key.
    case notice(String)
    /// Tool calls began to wait for the user's decision (`--approve-tools`).
    case approvalsRequested([PendingApproval])
    /// The app answered a waiting call itself (after the editor): it no longer waits.
    case approvalResolved(id: Int)
    /// A step began to run again (`E`) as a new trace whose root is `rerun`; its end comes as `chainEnded`.
    case stepRerunStarted(original: UUID, rerun: UUID, Date)
}

/// What the reducer asks the app to do; the reducer itself does no I/O.
public enum InspectorEffect: Sendable, Equatable {
    /// Leave the inspector.
    case quit
    /// Cancel the running chain (its runs end as cancelled).
    case cancelChain
    /// Run the chain again: the app calls the start closure again and sends `chainStarted`.
    case rerun
    /// Pause or resume a replay.
    case togglePause
    /// Let one more replayed event through while paused.
    case step
    /// Show the history screen over the inspector (`H`); the app comes back to the inspector after it.
    case openHistory
    /// Copy the text of the selected run's tab to the clipboard (`y`).
    case copyPane(run: Int, tab: PaneTab)
    /// Write the run and its subtree to a file (`w`) and say where in the status line.
    case writeSubtree(run: Int)
    /// Scroll the detail pane (resolved by the view, which knows its lines).
    case scrollPane(PaneScroll)
    /// Answer a waiting tool call (Enter: approve, `s`: reject).
    case decideTool(id: Int, ToolDecision)
    /// Open the waiting call's arguments in the editor (`e`); the app answers it after.
    case editToolCall(PendingApproval)
    /// Open the run's input in the editor and, on save, run that step again with it (`E`).
    case editStep(run: Int)
    /// Show run `rerun` (the root of a step run again) beside its `original`, compared (`d`).
    case compareRuns(original: Int, rerun: Int)
}
