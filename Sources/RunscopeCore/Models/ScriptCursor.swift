
/// Hands out a scripted model's answers in turn, starting over after the last
/// (LangChain's examples cycle them). Shared by copies of the same model.
public final class ScriptCursor: Sendable {
    private let index = Locked(0)

    /// A cursor at the first answer.
    public init() {}

    /// The index of the next answer among `count`, advancing the cursor.
    public func next(count: Int) -> Int {
        index.withLock { index in
            defer { index += 1 }
            return count == 0 ? 0 : index % count
        }
    }
}

/// Streams a scripted answer token by token, with a delay between tokens and an
/// optional scripted failure after some tokens.
struct ScriptedStream {
    let message: Message
    let tokens: [String]
    let delay: Double
    let error: String?
    let errorAfter: Int?

    /// The chunks of the script `make` gives when the stream is first pulled (each
    /// pull of a new iterator takes the model's next answer).
    static func lazy(_ make: @escaping @Sendable () -> ScriptedStream) -> ValueStream {
        ValueStream { make().pull() }
    }

    /// The answer's chunks; tool calls, if any, ride on the last one.
    func stream() -> ValueStream {
        let me = self
        return ValueStream { me.pull() }
    }

    /// The function that yields the answer's chunks one by one.
    private func pull() -> () async throws -> Value? {
        let me = self
        var index = 0
        return {
            if let error = me.error, index >= (me.errorAfter ?? 0) {
                throw ScriptedError(error, type: "ScriptedModelError")
            }
            guard index < me.tokens.count else { return nil }
            if me.delay > 0 { try await Task.sleep(nanoseconds: UInt64(me.delay * 1e9)) }
            defer { index += 1 }
            return .message(me.chunk(at: index))
        }
    }

    private func chunk(at index: Int) -> Message {
        var chunk = Message(role: .ai, content: tokens[index], isChunk: true)
        if index == tokens.count - 1 {
            chunk.toolCalls = message.toolCalls
            chunk.responseMetadata = message.responseMetadata
            chunk.usage = message.usage
        }
        return chunk
    }

    /// The answer whole, or the scripted error (no delay: nothing streams).
    func whole() throws -> Message {
        if let error { throw ScriptedError(error, type: "ScriptedModelError") }
        return message
    }

    /// Words and single whitespace characters apart, as `re.split(r"(\s)", text)`.
    static func splitWords(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                tokens.append(String(current))
                tokens.append(String(scalar))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        tokens.append(String(current))
        return tokens
    }

    /// Python's `\s`: ASCII whitespace fast, Unicode whitespace otherwise.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }
}

/// A failure scripted for one turn of a scripted model.
public struct ScriptedFailure: Sendable, Equatable {
    /// The error message.
    public var message: String
    /// Tokens streamed before the failure.
    public var after: Int

    /// A failure after `after` tokens.
    public init(message: String, after: Int = 0) {
        self.message = message
        self.after = after
    }
}
