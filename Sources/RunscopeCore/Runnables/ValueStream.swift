/// A lazy, pull-based stream of values: nothing runs until the consumer asks for
/// the next value, so runs start in pull order as in LangChain, and composing
/// streams costs a function call per chunk, not a task hop.
///
/// A layer that can also hand over its next value without suspending (an in-memory
/// step over an in-memory upstream) offers a poll besides its pull: `next()` polls
/// first and suspends only when the poll says `pending`, so a chunk that every layer
/// has at hand passes them all as plain function calls, with the same events in the
/// same order as the pull would send.
public struct ValueStream: AsyncSequence, Sendable {
    public typealias Element = Value

    /// What a poll found: the next value (`nil` at the end), or that only a pull,
    /// which may suspend, can get it. A poll that says `pending` has changed nothing.
    public enum Poll {
        case ready(Value?)
        case pending
    }

    /// Pulls values one at a time; used by one consumer only.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let pull: () async throws -> Value?
        let poll: (() throws -> Poll)?

        /// An iterator that `pull`s each value and, where given, `poll`s first.
        public init(pull: @escaping () async throws -> Value?, poll: (() throws -> Poll)? = nil) {
            self.pull = pull
            self.poll = poll
        }

        public mutating func next() async throws -> Value? {
            if let poll, case .ready(let value) = try poll() { return value }
            return try await pull()
        }

        /// The next value by the pull alone, for a caller whose poll just said `pending`
        /// (`next()` would poll every layer below again first).
        public mutating func nextAfterPending() async throws -> Value? { try await pull() }

        /// The next value if it can be had without suspending.
        public mutating func nextNow() throws -> Poll {
            guard let poll else { return .pending }
            return try poll()
        }
    }

    private let factory: @Sendable () -> AsyncIterator

    /// A stream whose iterator calls `makePull()` once and then its result per value.
    public init(_ makePull: @escaping @Sendable () -> (() async throws -> Value?)) {
        self.factory = { AsyncIterator(pull: makePull()) }
    }

    /// A stream that never suspends: its iterator calls `makePull()` once and then
    /// its result per value, which a poll hands over at once.
    public init(synchronous makePull: @escaping @Sendable () -> (() throws -> Value?)) {
        self.factory = { Self.synchronousIterator(makePull()) }
    }

    /// A stream whose iterators `makeIterator` builds (with a poll or not).
    public init(iterators makeIterator: @escaping @Sendable () -> AsyncIterator) {
        self.factory = makeIterator
    }

    /// An iterator over a pull that never suspends.
    public static func synchronousIterator(_ pull: @escaping () throws -> Value?) -> AsyncIterator {
        AsyncIterator(pull: { try pull() }, poll: { .ready(try pull()) })
    }

    public func makeAsyncIterator() -> AsyncIterator { factory() }

    /// A stream of the given values.
    public static func of(_ values: [Value]) -> ValueStream {
        ValueStream(synchronous: {
            var index = 0
            return {
                guard index < values.count else { return nil }
                index += 1
                return values[index - 1]
            }
        })
    }

    /// A stream of one value.
    public static func single(_ value: Value) -> ValueStream { of([value]) }

    /// A stream that computes one value when first pulled.
    public static func deferred(_ body: @escaping @Sendable () async throws -> Value) -> ValueStream {
        ValueStream {
            var done = false
            return {
                if done { return nil }
                done = true
                return try await body()
            }
        }
    }

    /// All values, in order.
    public func collect() async throws -> [Value] {
        var values: [Value] = []
        for try await value in self { values.append(value) }
        return values
    }

    /// The values added together as LangChain does (`nil` for an empty stream).
    public func reduce() async throws -> Value? {
        var total = ValueAccumulator()
        for try await value in self { total.add(value) }
        return total.value
    }
}
