/// Runs a runnable and, if it fails with an error it handles, each fallback in
/// turn. Every attempt is a child run (LangChain 1.7 makes invoke-mode attempts
/// siblings instead; see docs/langchain-differences.md).
public struct RunnableWithFallbacks: Runnable {
    public let runnable: any Runnable
    public let fallbacks: [any Runnable]
    /// Which errors move on to the next fallback (default: all but cancellation).
    public let handles: @Sendable (RunError) -> Bool
    public let name: String

    /// A runnable with fallbacks.
    public init(
        runnable: any Runnable, fallbacks: [any Runnable], name: String = "RunnableWithFallbacks",
        handles: @escaping @Sendable (RunError) -> Bool = { !$0.isCancellation }
    ) {
        self.runnable = runnable
        self.fallbacks = fallbacks
        self.name = name
        self.handles = handles
    }

    private var candidates: [any Runnable] { [runnable] + fallbacks }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, inputs: input, keeping: self) { run in
            var firstError: (any Error)?
            for candidate in candidates {
                do {
                    return try await candidate.invoke(input, config: run.childConfig(config))
                } catch {
                    if !handles(RunError(error)) { throw error }
                    if firstError == nil { firstError = error }
                }
            }
            throw firstError!
        }
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        let candidates = self.candidates
        let handles = self.handles
        return config.tracedStream(name: name, inputs: input, keeping: self) { run in
            ValueStream {
                var committed: ValueStream.AsyncIterator?
                return {
                    if committed != nil { return try await committed!.next() }
                    var firstError: (any Error)?
                    for candidate in candidates {
                        var iterator = candidate.streamValues(input, config: run.childConfig(config)).makeAsyncIterator()
                        do {
                            let first = try await iterator.next()
                            committed = iterator
                            return first
                        } catch {
                            if !handles(RunError(error)) { throw error }
                            if firstError == nil { firstError = error }
                        }
                    }
                    throw firstError!
                }
            }
        }
    }
}
