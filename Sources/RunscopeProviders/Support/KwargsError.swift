import RunscopeCore

/// A LangChain kwarg that cannot fill a model configuration: its name and what is wrong,
/// so a loader can point at the JSON path (`$.kwargs.temperature: expected a number`).
public struct KwargsError: Error, Sendable, Equatable, RunscopeErrorDescribing, CustomStringConvertible {
    /// The kwarg's name, e.g. `temperature`.
    public var key: String
    /// What is wrong, e.g. `expected a number, got a string`.
    public var problem: String

    /// An error about one kwarg.
    public init(key: String, problem: String) {
        self.key = key
        self.problem = problem
    }

    public var errorType: String { "ValueError" }
    public var errorMessage: String { "kwargs.\(key): \(problem)" }
    public var description: String { errorMessage }
}
