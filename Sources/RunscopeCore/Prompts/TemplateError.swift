/// A template that cannot be parsed or filled in, with a message a user can act on.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible, RunscopeErrorDescribing {
    public var message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
    public var errorType: String { "KeyError" }
    public var errorMessage: String { message }
}
