/// Model output a parser could not parse; carries the text it got.
public struct OutputParserError: Error, Sendable, CustomStringConvertible, RunscopeErrorDescribing {
    public var message: String
    /// The text that failed to parse.
    public var llmOutput: String

    /// An error with a message and the offending text.
    public init(_ message: String, llmOutput: String) {
        self.message = message
        self.llmOutput = llmOutput
    }

    public var description: String { message }
    public var errorType: String { "OutputParserException" }
    public var errorMessage: String { message }
}

/// The text a parser reads from a model output chunk: a message's content or a string.
func parserText(_ value: Value) -> String {
    switch value {
    case .string(let s): return s
    case .message(let m): return m.content
    default: return value.text
    }
}
