import Foundation

/// Runs a runnable again when it fails, waiting with exponential backoff and
/// jitter. The run is named after the bound runnable; each attempt is a child run
/// (attempts after the first tagged `retry:attempt:N`), and each retry emits
/// `on_retry` on the retry run (LangChain's `RunnableRetry` does not).
public struct RunnableRetry: Runnable {
    public let bound: any Runnable
    public let maxAttempts: Int
    /// Wait `initialWait * 2^(n-1)` seconds plus up to `jitter` seconds, at most `maxWait`.
    public let waitExponentialJitter: Bool
    public let initialWait: Double
    public let maxWait: Double
    public let jitter: Double
    /// Which errors are retried (default: all but cancellation).
    public let retries: @Sendable (RunError) -> Bool

    /// A retrying runnable.
    public init(
        bound: any Runnable, maxAttempts: Int = 3, waitExponentialJitter: Bool = true, initialWait: Double = 1,
        maxWait: Double = 60, jitter: Double = 1, retries: @escaping @Sendable (RunError) -> Bool = { !$0.isCancellation }
    ) {
        self.bound = bound
        self.maxAttempts = max(1, maxAttempts)
        self.waitExponentialJitter = waitExponentialJitter
        self.initialWait = initialWait
        self.maxWait = maxWait
        self.jitter = jitter
        self.retries = retries
    }

    public var name: String { bound.name }

    /// Seconds to wait after failed attempt `attempt` (1-based).
    public func wait(after attempt: Int) -> Double {
        guard waitExponentialJitter else { return 0 }
        let base = initialWait * pow(2, Double(attempt - 1))
        return min(maxWait, base + Double.random(in: 0...max(0, jitter)))
    }

    private func tag(_ attempt: Int) -> String? { attempt == 1 ? nil : "retry:attempt:\(attempt)" }

    /// Reports the retry and waits; rethrows if `error` is not retried or attempts are used up.
    private func prepareRetry(after attempt: Int, error: any Error, run: RunManager) async throws {
        let runError = RunError(error)
        guard attempt < maxAttempts, retries(runError) else { throw error }
        let seconds = wait(after: attempt)
        try run.retry(RetryState(attemptNumber: attempt, error: runError, waitSeconds: seconds))
        if seconds > 0 { try await Task.sleep(nanoseconds: UInt64(seconds * 1e9)) }
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, inputs: input, keeping: self) { run in
            var attempt = 1
            while true {
                do {
                    return try await bound.invoke(input, config: run.childConfig(config, tag: tag(attempt)))
                } catch {
                    try await prepareRetry(after: attempt, error: error, run: run)
                    attempt += 1
                }
            }
        }
    }

    /// Streams; an attempt that fails before its first chunk is retried, one that
    /// fails later is not (its chunks were already passed on).
    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        config.tracedStream(name: name, inputs: input, keeping: self) { run in
            ValueStream {
                var committed: ValueStream.AsyncIterator?
                return {
                    if committed != nil { return try await committed!.next() }
                    var attempt = 1
                    while true {
                        var iterator = bound.streamValues(input, config: run.childConfig(config, tag: tag(attempt)))
                            .makeAsyncIterator()
                        do {
                            let first = try await iterator.next()
                            committed = iterator
                            return first
                        } catch {
                            try await prepareRetry(after: attempt, error: error, run: run)
                            attempt += 1
                        }
                    }
                }
            }
        }
    }
}
