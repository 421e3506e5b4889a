import Foundation
import NcursesBackend
import RunscopeCore
import RunscopeInspector
import RunscopePricing
import TerminalUI

/// The live inspector as a program: takes over the terminal, starts the chain
/// with an ``InspectorHandler``, and shows its runs until the user quits.
public enum InspectorApp {
    /// A screen shown over the inspector on its terminal (the history, `H`), on the UI
    /// thread until the user leaves it; returns a line for the inspector's bottom row, or nil.
    public typealias Overlay = @Sendable (any TerminalBackend) -> String?
    /// Shows run `rerun` (a step run again, `E`) compared with its `original`, both in
    /// `forest`, on the inspector's terminal until the user leaves; returns a line for the bottom row.
    public typealias Compare = @Sendable (any TerminalBackend, RunForest, _ original: Int, _ rerun: Int) -> String?

    /// How the inspector ended.
    public struct Outcome: Sendable {
        /// How the chain's last run ended.
        public enum Chain: Sendable {
            case succeeded(Value)
            case failed(RunError)
            case cancelled
            /// The chain had not ended when the inspector gave up waiting for it.
            case unfinished
        }

        /// How the chain ended.
        public var chain: Chain
        /// Whether the user quit (q, Ctrl-C) rather than the inspector closing by itself (`exitOnFinish`).
        public var userQuit: Bool
        /// SIGINT, SIGTERM or SIGHUP, if one ended the inspector (the terminal is restored).
        public var signal: Int32?

        /// Whether the chain succeeded.
        public var succeeded: Bool {
            if case .succeeded = chain { return true }
            return false
        }

        /// The exit status a CLI should use: 128 + the signal after a signal, else 0 when
        /// the chain succeeded and 1 when it did not.
        public var exitStatus: Int32 {
            if let signal { return 128 + signal }
            return succeeded ? 0 : 1
        }
    }

    /// Runs the inspector: `start` is called with the handlers to pass in the
    /// chain's `RunConfig.callbacks` and returns the chain's task (called again
    /// for each rerun). The UI stays after the chain ends until the user quits,
    /// or closes by itself with `exitOnFinish`. The terminal is restored on
    /// every way out (quit, chain error, thrown error, SIGINT/SIGTERM/SIGHUP: then
    /// ``Outcome/signal`` is set and ``Outcome/exitStatus`` is 128 + the signal).
    /// Throws ``NcursesBackend/TerminalError`` when there is no usable terminal.
    /// `playback` is set for a replayed or followed run: its clock gives the times
    /// shown, Space pauses it and `.` steps it. `output` is a program's output
    /// (`runscope exec`), shown in the Output view. `history` is what `H` opens. `mouse`:
    /// clicks select and fold rows and pick tabs, the wheel scrolls (SGR 1006 reporting).
    /// `approver`, set as the chain's `RunConfig.toolApprover` by `start`, makes each tool
    /// call wait for Enter (run), `e` (edit its arguments in the editor) or `s` (skip).
    /// `steps`, set as the chain's `RunConfig.stepKeeper` by `start`, lets `E` run one step
    /// again with its input edited; `compare` is what `d` shows it in beside its original.
    public static func run(
        title: String, exitOnFinish: Bool = false, playback: (any PlaybackControl)? = nil, output: OutputLog? = nil,
        history: Overlay? = nil, prices: PriceTable = .builtIn, mouse: Bool = true, approver: InspectorApprover? = nil,
        steps: InspectorStepKeeper? = nil, compare: Compare? = nil,
        start: @escaping @Sendable ([any CallbackHandler]) -> Task<Value, any Error>
    ) async throws -> Outcome {
        let runner = ChainRunner(start: start)
        let ended = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Bool, Int32?), any Error>) in
            let thread = Thread {
                do {
                    let loop = try AppLoop(
                        title: title, exitOnFinish: exitOnFinish, runner: runner, control: playback, output: output,
                        terminal: NcursesTerminal(mouse: mouse), owns: true, history: history, prices: prices, approver: approver,
                        steps: steps, compare: compare)
                    continuation.resume(returning: loop.run())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "runscope-ui"
            thread.start()
        }
        runner.cancel()
        let result = await runner.finalResult(timeout: ended.1 == nil ? 3 : 0.5)
        return Outcome(chain: chainOutcome(result), userQuit: ended.0, signal: ended.1)
    }

    /// Runs the inspector on a terminal another screen has started (the history screen
    /// opening a trace), on the calling thread, until the user quits; the terminal stays
    /// started for the screen under it. Returns the signal that ended it, if one did.
    public static func runNested(
        title: String, playback: (any PlaybackControl)? = nil, on terminal: any TerminalBackend,
        start: @escaping @Sendable ([any CallbackHandler]) -> Task<Value, any Error>
    ) throws -> Int32? {
        let runner = ChainRunner(start: start)
        defer { runner.cancel() }
        let loop = try AppLoop(title: title, exitOnFinish: false, runner: runner, control: playback, terminal: terminal, owns: false)
        return loop.run().signal
    }

    static func chainOutcome(_ result: Result<Value, any Error>?) -> Outcome.Chain {
        switch result {
        case .success(let value): return .succeeded(value)
        case .failure(let error):
            let runError = RunError(error)
            return runError.isCancellation ? .cancelled : .failed(runError)
        case nil: return .unfinished
        }
    }
}
