/// Streaming a chain-like run that knows its whole input up front.
extension RunConfig {
    /// Streams `body` as one chain-like run: it starts with `inputs` when first
    /// pulled, passes chunks on, and ends with the added-up output or the error.
    public func tracedStream(
        name: String, runType: RunType = .chain, inputs: Value, keeping component: (any Runnable)? = nil,
        _ body: @escaping @Sendable (RunManager) -> ValueStream
    ) -> ValueStream {
        let config = self
        return ValueStream {
            var run: RunManager?
            var inner: ValueStream.AsyncIterator?
            var total = ValueAccumulator()
            var finished = false
            return {
                if finished { return nil }
                if run == nil {
                    let started = try config.startChainRun(name: name, runType: runType, inputs: inputs)
                    run = started
                    if let component { config.keep(component, input: inputs, runId: started.runId) }
                    inner = body(started).makeAsyncIterator()
                }
                do {
                    if let chunk = try await inner!.next() {
                        total.add(chunk)
                        return chunk
                    }
                } catch {
                    finished = true
                    try? run!.chainError(error)
                    throw error
                }
                finished = true
                try run!.chainEnd(total.value ?? .null)
                return nil
            }
        }
    }
}
