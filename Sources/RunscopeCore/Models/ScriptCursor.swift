
/// Hands out a scripted model's answers in turn, starting over after the last
/// (LangChain's examples cycle them), and keeps each answer's tokens once split.
/// Shared by copies of the same model.
public final class ScriptCursor: Sendable {
    private let index = Locked(0)
    private let split = Locked([Int: (text: String, tokens: [String])]())

    /// A cursor at the first answer.
    public init() {}

    /// The index of the next answer among `count`, advancing the cursor.
    public func next(count: Int) -> Int {
        index.withLock { index in
            defer { index += 1 }
            return count == 0 ? 0 : index % count
        }
    }

    /// The tokens of answer `turn`, whose text is `text`: split the first time, then kept
    /// while the answer's text stays the same (a copy of the model may have changed it).
    func tokens(of text: String, turn: Int) -> [String] {
        if let kept = split.withLock({ $0[turn] }), kept.text == text { return kept.tokens }
        let tokens = ScriptedStream.splitWords(text)
        split.withLock { $0[turn] = (text, tokens) }
        return tokens
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
        ValueStream(iterators: { make().iterator() })
    }

    /// The answer's chunks; tool calls, if any, ride on the last one.
    func stream() -> ValueStream {
        let me = self
        return ValueStream(iterators: { me.iterator() })
    }

    /// An iterator over the answer's chunks: with no delay between tokens it never
    /// suspends, so a poll hands each chunk over at once.
    private func iterator() -> ValueStream.AsyncIterator {
        let me = self
        let position = Position()
        let step: () throws -> Value? = {
            let index = position.index
            if let error = me.error, index >= (me.errorAfter ?? 0) {
                throw ScriptedError(error, type: "ScriptedModelError")
            }
            guard index < me.tokens.count else { return nil }
            position.index = index + 1
            return .message(me.chunk(at: index))
        }
        guard delay > 0 else { return ValueStream.synchronousIterator(step) }
        let nanoseconds = UInt64(delay * 1e9)
        return ValueStream.AsyncIterator(pull: {
            let index = position.index
            if me.error == nil || index < (me.errorAfter ?? 0), index < me.tokens.count {
                try await Task.sleep(nanoseconds: nanoseconds)
            }
            return try step()
        })
    }

    /// The index of the next token of one iterator.
    // @exclusivity(unchecked): one iterator is pulled one call at a time, and a pull
    // reads the index, then writes it, never both at once.
    private final class Position {
        @exclusivity(unchecked) var index = 0
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
    /// The words are slices of the text copied out whole, not rebuilt scalar by scalar.
    static func splitWords(_ text: String) -> [String] {
        var tokens: [String] = []
        let scalars = text.unicodeScalars
        var wordStart = scalars.startIndex
        var index = wordStart
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isWhitespace(scalar) {
                tokens.append(String(scalars[wordStart..<index]))
                tokens.append(String(scalar))
                wordStart = next
            }
            index = next
        }
        tokens.append(String(scalars[wordStart...]))
        return tokens
    }

    /// Python's `\s` in a `str` pattern: the 29 code points for which `str.isspace()`
    /// holds (Unicode's White_Space, and the separators U+001C to U+001F).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
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
