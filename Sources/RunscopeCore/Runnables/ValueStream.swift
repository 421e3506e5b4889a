/// A lazy, pull-based stream of values: nothing runs until the consumer asks for
/// the next value, so runs start in pull order as in LangChain, and composing
/// streams costs a function call per chunk, not a task hop.
public struct ValueStream: AsyncSequence, Sendable {
    public typealias Element = Value

    /// Pulls values one at a time; used by one consumer only.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let pull: () async throws -> Value?

        public mutating func next() async throws -> Value? { try await pull() }
    }

    private let factory: @Sendable () -> AsyncIterator

    /// A stream whose iterator calls `makePull()` once and then its result per value.
    public init(_ makePull: @escaping @Sendable () -> (() async throws -> Value?)) {
        self.factory = { AsyncIterator(pull: makePull()) }
    }

    public func makeAsyncIterator() -> AsyncIterator { factory() }

    /// A stream of the given values.
    public static func of(_ values: [Value]) -> ValueStream {
        ValueStream {
            var index = 0
            return {
                guard index < values.count else { return nil }
                index += 1
                return values[index - 1]
            }
        }
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
