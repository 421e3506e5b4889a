import RunscopeCore

/// Why a chain file cannot be loaded: the file, the JSON path and what was expected,
/// as one line (`chain.json: $.kwargs.temperature: expected a number, got "hot"`).
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Where in the file: a JSON path (`$.kwargs.middle[0]`) or `line 3, column 7`.
    public var location: String
    public var message: String

    /// An error at a place in a file.
    public init(file: String, location: String, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    /// One line: control characters in the file's names and values are written as escapes.
    public var description: String {
        let text = location.isEmpty ? "\(file): \(message)" : "\(file): \(location): \(message)"
        return VisibleText.escaped(text)
    }
}

/// Something in a chain file that runscope ignores or reads loosely (an unknown
/// kwarg, for instance): reported, but the chain still loads.
public struct LoadWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var location: String
    public var message: String

    public var description: String { VisibleText.escaped("\(file): \(location): warning: \(message)") }
}
