import Foundation
import RunscopeCore
import RunscopeInspector

/// Starts the caller's chain with the inspector's handler, keeps its task so it
/// can be cancelled, and reports its result once. A rerun bumps the generation
/// so a late result of an earlier run is ignored.
final class ChainRunner: Sendable {
    typealias Start = @Sendable ([any CallbackHandler]) -> Task<Value, any Error>

    private struct State {
        var task: Task<Value, any Error>?
        var generation = 0
        var result: Result<Value, any Error>?
        var lastResult: Result<Value, any Error>?
    }

    private let start: Start
    private let state = Locked(State())

    init(start: @escaping Start) {
        self.start = start
    }

    /// Starts a new run reporting to `handler` (cancelling a run still going): the chain,
    /// or a `step` run again (whose result is reported but is not the chain's last result).
    func run(handler: InspectorHandler, step: Start? = nil) {
        let generation = state.withLock { state -> Int in
            state.task?.cancel()
            state.generation += 1
            state.result = nil
            if step == nil { state.lastResult = nil }
            return state.generation
        }
        let task = (step ?? start)([handler])
        let isStep = step != nil
        state.withLock { $0.task = task }
        Task.detached { [self] in
            let result = await task.result
            self.state.withLock { state in
                guard state.generation == generation else { return }
                state.result = result
                if !isStep { state.lastResult = result }
                state.task = nil
            }
        }
    }

    /// Cancels the running chain, if any.
    func cancel() {
        state.withLock { $0.task }?.cancel()
    }

    /// Whether a chain is still running.
    var isRunning: Bool { state.withLock { $0.task != nil } }

    /// The result of the current run, the first time it is asked for after it ended.
    func takeResult() -> Result<Value, any Error>? {
        state.withLock { state in
            defer { state.result = nil }
            return state.result
        }
    }

    /// The result of the current run, waiting for it at most `timeout` seconds.
    func finalResult(timeout: Double) async -> Result<Value, any Error>? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let result = state.withLock({ $0.lastResult }) { return result }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return state.withLock { $0.lastResult }
    }

    /// How a result reads for the reducer.
    static func chainResult(_ result: Result<Value, any Error>) -> ChainResult {
        switch result {
        case .success: return .succeeded
        case .failure(let error):
            let runError = RunError(error)
            return runError.isCancellation ? .cancelled : .failed(type: runError.type, message: runError.message)
        }
    }
}
