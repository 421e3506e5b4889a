/// Why the terminal could not be set up.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in words a user can act on.
    public var message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
