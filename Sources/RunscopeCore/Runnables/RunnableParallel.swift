/// Runs several runnables on the same input concurrently and returns an object of
/// their outputs by key. Named `RunnableParallel<k1,k2>` as in LangChain.
public struct RunnableParallel: Runnable {
    /// The branches, in key order.
    public let steps: [(key: String, runnable: any Runnable)]
    private let customName: String?

    /// A parallel map of the given branches.
    public init(_ steps: [(key: String, runnable: any Runnable)], name: String? = nil) {
        self.steps = steps
        self.customName = name
    }

    public var name: String { customName ?? "RunnableParallel<\(steps.map(\.key).joined(separator: ","))>" }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, inputs: input, keeping: self) { run in
            try await invokeBranches(input, config: config, run: run)
        }
    }

    /// Runs every branch as a child of `run` and collects the outputs.
    func invokeBranches(_ input: Value, config: RunConfig, run: RunManager) async throws -> Value {
        let steps = self.steps
        let limit = max(1, config.maxConcurrency ?? steps.count)
        let outputs = try await ConcurrentMap.run(steps.count, limit: limit) { index in
            let step = steps[index]
            return try await step.runnable.invoke(input, config: run.childConfig(config, tag: "map:key:\(step.key)"))
        }
        return .object(ValueObject(zip(steps.map(\.key), outputs).map { ($0, $1) }))
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        transform(.single(input), config: config)
    }

    public func transform(_ input: ValueStream, config: RunConfig) -> ValueStream {
        config.tracedTransform(input, name: name, keeping: self) { stream, run in
            streamBranches(stream, config: config, run: run)
        }
    }

    /// Streams every branch concurrently; each chunk is `{key: chunk}` (addable).
    func streamBranches(_ input: ValueStream, config: RunConfig, run: RunManager) -> ValueStream {
        let steps = self.steps
        let limit = max(1, config.maxConcurrency ?? steps.count)
        return ValueStream {
            let merger = StreamMerger()
            return {
                if !merger.started {
                    guard let whole = try await input.reduce() else { return nil }
                    merger.start(count: steps.count, limit: limit) { index in
                        let step = steps[index]
                        let child = run.childConfig(config, tag: "map:key:\(step.key)")
                        return (step.key, step.runnable.streamValues(whole, config: child))
                    }
                }
                return try await merger.next()
            }
        }
    }
}
