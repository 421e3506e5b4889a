/// An error as runs report it: a type name and a message, plus the original error.
public struct RunError: Error, Sendable, CustomStringConvertible {
    /// The error's type, e.g. `ValueError`, `HTTPError`, `CancelledError`.
    public var type: String
    public var message: String
    /// The error that was thrown, if it was not a `RunError` already.
    public var underlying: (any Error)?

    /// An error with the given type name and message.
    public init(type: String, message: String) {
        self.type = type
        self.message = message
        self.underlying = nil
    }

    /// Describes any thrown error: its Swift type name and its description.
    public init(_ error: any Error) {
        if let run = error as? RunError {
            self = run
            return
        }
        if error is CancellationError {
            self.init(type: "CancelledError", message: "the run was cancelled")
        } else if let described = error as? any RunscopeErrorDescribing {
            self.init(type: described.errorType, message: described.errorMessage)
        } else {
            self.init(type: String(describing: Swift.type(of: error)), message: String(describing: error))
        }
        self.underlying = error
    }

    public var description: String { "\(type): \(message)" }

    /// Whether the error is a cancellation.
    public var isCancellation: Bool { type == "CancelledError" }
}

/// Errors that name their own type and message for traces (instead of the Swift type name).
public protocol RunscopeErrorDescribing: Error {
    /// The type name shown in traces.
    var errorType: String { get }
    /// The message shown in traces.
    var errorMessage: String { get }
}

/// An error raised on purpose: by a scripted model, a lambda or a user.
public struct ScriptedError: Error, Sendable, RunscopeErrorDescribing, CustomStringConvertible {
    public var errorType: String
    public var errorMessage: String

    /// An error with the given message and type name (default `ValueError`).
    public init(_ message: String, type: String = "ValueError") {
        self.errorMessage = message
        self.errorType = type
    }

    public var description: String { errorMessage }
}
