/// An agent needed more graph steps than its limit allows (LangGraph's
/// `GraphRecursionError`).
public struct GraphRecursionError: Error, Sendable, Equatable, RunscopeErrorDescribing, CustomStringConvertible {
    /// The step limit that was reached.
    public var limit: Int

    /// The error for a reached limit.
    public init(limit: Int) {
        self.limit = limit
    }

    public var errorType: String { "GraphRecursionError" }
    public var errorMessage: String {
        "Recursion limit of \(limit) reached without hitting a stop condition. You can increase the limit by setting the `recursion_limit` config key (`max_steps` in a chain file)."
    }
    public var description: String { errorMessage }
}
