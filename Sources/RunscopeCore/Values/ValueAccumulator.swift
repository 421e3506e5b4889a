/// Adds up streamed chunks as LangChain does with `+`, growing strings and
/// messages in place (no copy of the total, no new box per chunk).
struct ValueAccumulator: Sendable {
    private enum Total {
        case empty
        case text(String)
        case message(MessageBox)
        case other(Value)
    }

    /// Holds a growing message by reference, so the total stays small and the
    /// message grows in place. Copy on write: a copy of the accumulator that adds to a
    /// shared box gives itself a box of its own first.
    // @unchecked Sendable: a box is only changed by an accumulator that holds the only
    // reference to it (checked with isKnownUniquelyReferenced), so no two tasks touch it.
    private final class MessageBox: @unchecked Sendable {
        var message: Message
        init(_ message: Message) { self.message = message }
    }

    private var total = Total.empty

    /// Whether no chunk was added yet.
    var isEmpty: Bool {
        if case .empty = total { return true }
        return false
    }

    /// Adds one chunk. The total is released before it grows, so it is the only
    /// reference to its storage and grows in place.
    mutating func add(_ chunk: Value) {
        switch total {
        case .empty:
            total = Self.start(chunk)
        case .text(var text):
            guard case .string(let tail) = chunk else { return combine(chunk) }
            total = .empty
            text += tail
            total = .text(text)
        case .message(var box):
            guard case .message(let tail) = chunk else { return combine(chunk) }
            total = .empty
            if !isKnownUniquelyReferenced(&box) { box = MessageBox(box.message) }
            box.message.append(tail)
            total = .message(box)
        case .other:
            combine(chunk)
        }
    }

    /// The general case: `+` where defined, else the latest chunk.
    private mutating func combine(_ chunk: Value) {
        let current = Self.value(total)
        total = Self.start(current.adding(chunk) ?? chunk)
    }

    /// The total so far (`nil` if nothing was added).
    var value: Value? {
        if case .empty = total { return nil }
        return Self.value(total)
    }

    private static func start(_ chunk: Value) -> Total {
        switch chunk {
        case .string(let text): return .text(text)
        case .message(let message): return .message(MessageBox(message))
        default: return .other(chunk)
        }
    }

    private static func value(_ total: Total) -> Value {
        switch total {
        case .empty: return .null
        case .text(let text): return .string(text)
        case .message(let box): return .message(box.message)
        case .other(let value): return value
        }
    }
}
