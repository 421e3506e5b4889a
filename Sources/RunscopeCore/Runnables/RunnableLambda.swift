/// Wraps a Swift closure as a runnable. The closure gets a config for nested runs
/// (runnables it invokes become children of the lambda's run; custom events it
/// dispatches are reported on it).
public struct RunnableLambda: Runnable {
    public let name: String
    private let body: @Sendable (Value, RunConfig) async throws -> Value

    /// A lambda named `name` (LangChain uses the function's name).
    public init(name: String = "RunnableLambda", _ body: @escaping @Sendable (Value, RunConfig) async throws -> Value) {
        self.name = name
        self.body = body
    }

    /// A lambda that does not need the config.
    public init(name: String = "RunnableLambda", _ body: @escaping @Sendable (Value) async throws -> Value) {
        self.init(name: name) { input, _ in try await body(input) }
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, inputs: input, keeping: self) { run in
            try await body(input, run.childConfig(config))
        }
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        transform(.single(input), config: config)
    }

    public func transform(_ input: ValueStream, config: RunConfig) -> ValueStream {
        let body = self.body
        return config.tracedTransform(input, name: name, keeping: self) { stream, run in
            ValueStream.deferred {
                let whole = try await stream.reduce() ?? .null
                return try await body(whole, run.childConfig(config))
            }
        }
    }
}
