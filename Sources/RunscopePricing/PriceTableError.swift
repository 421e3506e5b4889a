/// A price file that cannot be read: the file, the place in it, and what is wrong.
public struct PriceTableError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// A JSON path (`$.prices[3].input`) or `line 3, column 7`.
    public var location: String
    public var message: String

    public init(file: String, location: String, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String { "\(file): \(location): \(message)" }
}
