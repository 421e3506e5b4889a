/// Why the history cannot be used: a one-line message that names the database file.
public struct HistoryError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }

    /// An error with the given message.
    public init(_ message: String) { self.message = message }
}
