/// Why the history cannot be used: a one-line message that names the database file.
public struct HistoryError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    /// Whether another connection held the lock for the whole busy timeout (trying again later may work).
    public var isBusy: Bool
    public var description: String { message }

    /// An error with the given message.
    public init(_ message: String, isBusy: Bool = false) {
        self.message = message
        self.isBusy = isBusy
    }
}
