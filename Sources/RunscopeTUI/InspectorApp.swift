import Foundation
import RunscopeCore
import RunscopeInspector

/// The live inspector as a program: takes over the terminal, starts the chain
/// with an ``InspectorHandler``, and shows its runs until the user quits.
public enum InspectorApp {
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

        /// Whether the chain succeeded.
        public var succeeded: Bool {
            if case .succeeded = chain { return true }
            return false
        }

        /// The exit status a CLI should use: 0 when the chain succeeded, else 1.
        public var exitStatus: Int32 { succeeded ? 0 : 1 }
    }

    /// Runs the inspector: `start` is called with the handlers to pass in the
    /// chain's `RunConfig.callbacks` and returns the chain's task (called again
    /// for each rerun). The UI stays after the chain ends until the user quits,
    /// or closes by itself with `exitOnFinish`. The terminal is restored on
    /// every way out (quit, chain error, thrown error, SIGINT/SIGTERM/SIGHUP).
    /// Throws ``NcursesBackend/TerminalError`` when there is no usable terminal.
    public static func run(
        title: String, exitOnFinish: Bool = false,
        start: @escaping @Sendable ([any CallbackHandler]) -> Task<Value, any Error>
    ) async throws -> Outcome {
        let runner = ChainRunner(start: start)
        let userQuit = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Bool, any Error>) in
            let thread = Thread {
                do {
                    let loop = try AppLoop(title: title, exitOnFinish: exitOnFinish, runner: runner)
                    continuation.resume(returning: loop.run())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "runscope-ui"
            thread.start()
        }
        runner.cancel()
        let result = await runner.finalResult(timeout: 3)
        return Outcome(chain: chainOutcome(result), userQuit: userQuit)
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
