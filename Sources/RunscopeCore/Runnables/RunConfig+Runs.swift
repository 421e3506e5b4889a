/// Starting runs of chain-like components and reporting how they end.
extension RunConfig {
    /// Starts a chain-like run (chain, prompt or parser) and reports its inputs.
    public func startChainRun(
        name: String, runType: RunType = .chain, inputs: Value, serialized: Value? = nil,
        localHandlers: [any CallbackHandler] = [], localTags: [String] = [], localMetadata: ValueObject = [:]
    ) throws -> RunManager {
        let run = manager(localHandlers, localTags, localMetadata)
            .makeRun(name: runName ?? name, runType: runType, runId: runId, serialized: serialized)
        try run.startChain(inputs: inputs)
        return run
    }

    /// The callback manager for a run started with this config and local settings.
    func manager(
        _ localHandlers: [any CallbackHandler] = [], _ localTags: [String] = [], _ localMetadata: ValueObject = [:]
    ) -> CallbackManager {
        CallbackManager.configure(self, localHandlers: localHandlers, localTags: localTags, localMetadata: localMetadata)
    }

    /// Runs `body` as one chain-like run: start with `inputs`, then end with the
    /// output, or with the error, which is rethrown.
    /// `keeping`: the component that runs, kept with `inputs` for the step keeper (taken
    /// only when there is one, so that a run with none boxes no component).
    public func traced(
        name: String, runType: RunType = .chain, inputs: Value, serialized: Value? = nil,
        keeping component: @autoclosure () -> (any Runnable)? = nil, _ body: (RunManager) async throws -> Value
    ) async throws -> Value {
        let run = try startChainRun(name: name, runType: runType, inputs: inputs, serialized: serialized)
        if stepKeeper != nil, let component = component() { keep(component, input: inputs, runId: run.runId) }
        let output: Value
        do {
            output = try await body(run)
        } catch {
            try? run.chainError(error)
            throw error
        }
        try run.chainEnd(output)
        return output
    }

    /// Runs `body` over a stream as one chain-like run, as LangChain's
    /// `_transform_stream_with_config`: the run starts when the first input chunk
    /// arrives (with the placeholder input `{"input": ""}`), and ends with the
    /// added-up output and, as `inputs`, the added-up input.
    /// `keeping`: the component that runs, kept with the added-up input before the run ends.
    public func tracedTransform(
        _ input: ValueStream, name: String, runType: RunType = .chain, keeping component: (any Runnable)? = nil,
        _ body: @escaping @Sendable (ValueStream, RunManager) -> ValueStream
    ) -> ValueStream {
        let config = self
        return ValueStream(iterators: {
            let state = TracedTransformState(
                input: input, config: config, name: name, runType: runType, component: component, body: body)
            return state.iterator()
        })
    }

    /// `tracedTransform` for a run that maps each chunk on its own (a string parser):
    /// the same events, one layer less per chunk.
    public func tracedMap(
        _ input: ValueStream, name: String, runType: RunType = .chain, keeping component: (any Runnable)? = nil,
        _ map: @escaping @Sendable (Value) throws -> Value
    ) -> ValueStream {
        let config = self
        return ValueStream(iterators: {
            let state = TracedTransformState(
                input: input, config: config, name: name, runType: runType, component: component, map: map)
            return state.iterator()
        })
    }
}

/// The state of one traced transform while its consumer pulls from it.
// @unchecked Sendable: a stream is pulled by one consumer at a time, so this
// state is never touched from two tasks at once; it is Sendable only so that the
// input stream handed to `body` can refer back to it.
// @exclusivity(unchecked) on its state: for the same reason no two accesses to one of
// these properties overlap (a pull reaches the others, never the one it is changing),
// so the dynamic checks, a tenth of a streamed token's cost, are left out.
final class TracedTransformState: @unchecked Sendable {
    @exclusivity(unchecked) private var upstream: ValueStream.AsyncIterator
    @exclusivity(unchecked) private var inner: ValueStream.AsyncIterator?
    @exclusivity(unchecked) private var run: RunManager?
    @exclusivity(unchecked) private var finished = false
    @exclusivity(unchecked) private var pendingFirst: Value?
    @exclusivity(unchecked) private var upstreamDone = false
    @exclusivity(unchecked) private var finalInput = ValueAccumulator()
    @exclusivity(unchecked) private var finalOutput = ValueAccumulator()
    private let config: RunConfig
    private let name: String
    private let runType: RunType
    private let component: (any Runnable)?
    private let body: (@Sendable (ValueStream, RunManager) -> ValueStream)?
    private let map: (@Sendable (Value) throws -> Value)?

    init(
        input: ValueStream, config: RunConfig, name: String, runType: RunType, component: (any Runnable)? = nil,
        body: (@Sendable (ValueStream, RunManager) -> ValueStream)? = nil, map: (@Sendable (Value) throws -> Value)? = nil
    ) {
        self.upstream = input.makeAsyncIterator()
        self.config = config
        self.name = name
        self.runType = runType
        self.component = component
        self.body = body
        self.map = map
    }

    /// An iterator over this run's output: pulled, or polled when its chunk is at hand.
    func iterator() -> ValueStream.AsyncIterator {
        ValueStream.AsyncIterator(pull: next, poll: poll)
    }

    func next() async throws -> Value? {
        if finished { return nil }
        if run == nil { try await start() }
        guard let run else { return nil }
        let chunk: Value?
        do {
            chunk = try await pullOutput()
        } catch {
            try fail(error, run)
        }
        return try deliver(chunk, run)
    }

    /// `next()` without suspending, once the run has started and its chunk is at hand.
    func poll() throws -> ValueStream.Poll {
        if finished { return .ready(nil) }
        guard let run else { return .pending }
        let chunk: Value?
        do {
            guard case .ready(let ready) = try pollOutput() else { return .pending }
            chunk = ready
        } catch {
            try fail(error, run)
        }
        return .ready(try deliver(chunk, run))
    }

    /// Passes an output chunk on, or at the end (`nil`) ends the run with the totals.
    private func deliver(_ chunk: Value?, _ run: RunManager) throws -> Value? {
        if let chunk {
            finalOutput.add(chunk)
            return chunk
        }
        finished = true
        keepStep(run)
        try run.chainEnd(finalOutput.value ?? .null, inputs: finalInput.value ?? .null)
        return nil
    }

    /// Ends the run with `error`, which is rethrown.
    private func fail(_ error: any Error, _ run: RunManager) throws -> Never {
        finished = true
        keepStep(run)
        try? run.chainError(error, inputs: finalInput.value)
        throw error
    }

    /// Keeps the step with its whole input, which is known only now.
    private func keepStep(_ run: RunManager) {
        if let component { config.keep(component, input: finalInput.value ?? .null, runId: run.runId) }
    }

    private func start() async throws {
        pendingFirst = try await upstream.next()
        if pendingFirst == nil { upstreamDone = true }
        if let pendingFirst { finalInput.add(pendingFirst) }
        let run = try config.startChainRun(name: name, runType: runType, inputs: ["input": ""])
        self.run = run
        if let body {
            let inputStream = ValueStream(iterators: { [self] in
                ValueStream.AsyncIterator(pull: { try await self.pullInput() }, poll: { try self.pollInput() })
            })
            inner = body(inputStream, run).makeAsyncIterator()
        }
    }

    /// The next output chunk: from the body's stream, or the next input mapped.
    private func pullOutput() async throws -> Value? {
        if let map { return try await pullInput().map(map) }
        return try await inner!.next()
    }

    /// `pullOutput()` without suspending, if the chunk is at hand.
    private func pollOutput() throws -> ValueStream.Poll {
        guard let map else { return try inner!.nextNow() }
        guard case .ready(let chunk) = try pollInput() else { return .pending }
        return .ready(try chunk.map(map))
    }

    private func pullInput() async throws -> Value? {
        if case .ready(let chunk) = try pollInput() { return chunk }
        guard let chunk = try await upstream.nextAfterPending() else {
            upstreamDone = true
            return nil
        }
        finalInput.add(chunk)
        return chunk
    }

    /// `pullInput()` without suspending, if the chunk is at hand.
    private func pollInput() throws -> ValueStream.Poll {
        if let first = pendingFirst {
            pendingFirst = nil
            return .ready(first)
        }
        if upstreamDone { return .ready(nil) }
        switch try upstream.nextNow() {
        case .pending:
            return .pending
        case .ready(nil):
            upstreamDone = true
            return .ready(nil)
        case .ready(let chunk?):
            finalInput.add(chunk)
            return .ready(chunk)
        }
    }
}
