/// A component that can be run: invoked on one input, streamed, or batched.
///
/// Every run reports to callback handlers (see `RunConfig`). Implement `invoke`;
/// components that can pass chunks through as they arrive also implement
/// `transform` (and `streamValues` as `transform(.single(input))`).
public protocol Runnable: Sendable {
    /// The run name (LangChain's `get_name()`).
    var name: String { get }

    /// Runs on one input and returns the whole output.
    func invoke(_ input: Value, config: RunConfig) async throws -> Value

    /// Runs on one input and streams the output as it is produced.
    /// Default: one chunk, the result of `invoke`.
    func streamValues(_ input: Value, config: RunConfig) -> ValueStream

    /// Runs on a stream of input chunks and streams the output.
    /// Default: waits for the whole input, then `streamValues`.
    func transform(_ input: ValueStream, config: RunConfig) -> ValueStream
}

extension Runnable {
    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        ValueStream.deferred { try await self.invoke(input, config: config) }
    }

    public func transform(_ input: ValueStream, config: RunConfig) -> ValueStream {
        ValueStream {
            var inner: ValueStream.AsyncIterator?
            var upstream = input.makeAsyncIterator()
            return {
                if inner == nil {
                    var accumulator = ValueAccumulator()
                    while let chunk = try await upstream.next() { accumulator.add(chunk) }
                    guard let total = accumulator.value else { return nil }
                    inner = self.streamValues(total, config: config).makeAsyncIterator()
                }
                return try await inner!.next()
            }
        }
    }

    /// Runs on one input with no callbacks.
    public func invoke(_ input: Value) async throws -> Value {
        try await invoke(input, config: RunConfig())
    }

    /// Streams the output of a run on one input, with backpressure: the run produces the
    /// next value only when the consumer asks for it, so nothing piles up in a buffer.
    /// Cancelling the consuming task (or dropping the stream) cancels the run.
    public func stream(_ input: Value, config: RunConfig = RunConfig()) -> RunStream {
        RunStream(StreamSource(streamValues(input, config: config).makeAsyncIterator()))
    }

    /// Runs on many inputs, at most `config.maxConcurrency` at once, and returns
    /// the outputs in input order. The first error is thrown.
    public func batch(_ inputs: [Value], config: RunConfig = RunConfig()) async throws -> [Value] {
        var copy = config
        copy.runId = nil
        let itemConfig = copy
        let limit = max(1, config.maxConcurrency ?? inputs.count)
        return try await ConcurrentMap.run(inputs.count, limit: limit) { index in
            try await self.invoke(inputs[index], config: itemConfig)
        }
    }

    /// This runnable with settings merged into every run's config (`with_config`).
    public func withConfig(_ config: RunConfig) -> RunnableBinding {
        RunnableBinding(bound: self, config: config)
    }

    /// This runnable with a different run name.
    public func named(_ name: String) -> RunnableBinding {
        RunnableBinding(bound: self, config: RunConfig(runName: name))
    }

    /// This runnable, then `fallbacks` in order if it fails.
    public func withFallbacks(_ fallbacks: [any Runnable]) -> RunnableWithFallbacks {
        RunnableWithFallbacks(runnable: self, fallbacks: fallbacks)
    }

    /// This runnable, retried on failure.
    public func withRetry(maxAttempts: Int = 3, waitExponentialJitter: Bool = true) -> RunnableRetry {
        RunnableRetry(bound: self, maxAttempts: maxAttempts, waitExponentialJitter: waitExponentialJitter)
    }
}

/// Composes two runnables into a sequence; sequences are flattened, as in LangChain.
public func | (lhs: any Runnable, rhs: any Runnable) -> RunnableSequence {
    RunnableSequence(steps: RunnableSequence.flatten(lhs) + RunnableSequence.flatten(rhs))
}
