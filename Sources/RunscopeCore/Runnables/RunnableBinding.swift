/// A runnable with config settings (tags, metadata, callbacks, run name) and call
/// arguments (`stop`, tools) merged into every run. It has no run of its own.
public struct RunnableBinding: Runnable {
    public let bound: any Runnable
    public let config: RunConfig
    /// Call arguments passed to the bound runnable (models read `stop`, `tools`, ...).
    public let kwargs: ValueObject

    /// A binding of `bound` with config settings and call arguments.
    public init(bound: any Runnable, config: RunConfig = RunConfig(), kwargs: ValueObject = [:]) {
        self.bound = bound
        self.config = config
        self.kwargs = kwargs
    }

    public var name: String { bound.name }

    private func merged(_ outer: RunConfig) -> RunConfig {
        var result = outer.merged(with: config)
        result.callKwargs = outer.callKwargs.merging(kwargs)
        return result
    }

    public func invoke(_ input: Value, config outer: RunConfig) async throws -> Value {
        try await bound.invoke(input, config: merged(outer))
    }

    public func streamValues(_ input: Value, config outer: RunConfig) -> ValueStream {
        bound.streamValues(input, config: merged(outer))
    }

    public func transform(_ input: ValueStream, config outer: RunConfig) -> ValueStream {
        bound.transform(input, config: merged(outer))
    }
}

extension Runnable {
    /// This runnable with call arguments bound (`bind(stop=[...])`).
    public func bind(_ kwargs: ValueObject) -> RunnableBinding {
        RunnableBinding(bound: self, kwargs: kwargs)
    }
}
