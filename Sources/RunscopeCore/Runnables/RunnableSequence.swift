/// Runs steps one after another, each step's output the next one's input.
/// Streaming passes chunks through every step that can transform a stream.
public struct RunnableSequence: Runnable {
    public let steps: [any Runnable]
    private let customName: String?
    /// `seq:step:1`, `seq:step:2`, ...: each step's tag, made once.
    private let stepTags: [String]

    /// A sequence of the given steps (nested sequences are flattened).
    public init(steps: [any Runnable], name: String? = nil) {
        self.steps = steps.flatMap(Self.flatten)
        self.customName = name
        self.stepTags = self.steps.indices.map { "seq:step:\($0 + 1)" }
    }

    /// A sequence of the given steps.
    public init(_ steps: any Runnable...) {
        self.init(steps: steps)
    }

    public var name: String { customName ?? "RunnableSequence" }

    /// The steps of `runnable` if it is a sequence, else `[runnable]`.
    static func flatten(_ runnable: any Runnable) -> [any Runnable] {
        if let sequence = runnable as? RunnableSequence { return sequence.steps }
        return [runnable]
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, inputs: input, keeping: self) { run in
            var value = input
            for (step, tag) in zip(steps, stepTags) {
                value = try await step.invoke(value, config: run.childConfig(config, tag: tag))
            }
            return value
        }
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        transform(.single(input), config: config)
    }

    public func transform(_ input: ValueStream, config: RunConfig) -> ValueStream {
        let steps = self.steps
        let stepTags = self.stepTags
        return config.tracedTransform(input, name: name, keeping: self) { stream, run in
            var pipeline = stream
            for (step, tag) in zip(steps, stepTags) {
                pipeline = step.transform(pipeline, config: run.childConfig(config, tag: tag))
            }
            return pipeline
        }
    }
}
