/// A tool's own failure (LangChain's `ToolException`). A tool that handles tool
/// errors turns it into a tool message for the model instead of failing its run.
public struct ToolException: Error, Sendable, Equatable, RunscopeErrorDescribing, CustomStringConvertible {
    /// What went wrong, as the model (or the trace) reads it.
    public var message: String

    /// A tool exception with the given message.
    public init(_ message: String) {
        self.message = message
    }

    public var errorType: String { "ToolException" }
    public var errorMessage: String { message }
    public var description: String { message }
}
