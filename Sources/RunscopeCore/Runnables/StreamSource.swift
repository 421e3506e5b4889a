/// The iterator behind `Runnable.stream`: pulled once per value the consumer asks for.
// @unchecked Sendable: AsyncThrowingStream(unfolding:) calls `next` only from its
// iterator's `next`, one call at a time (the iterator has one consumer), so the
// iterator is never used by two tasks at once.
final class StreamSource: @unchecked Sendable {
    private var iterator: ValueStream.AsyncIterator

    init(_ iterator: ValueStream.AsyncIterator) { self.iterator = iterator }

    /// The next value of the run, or `nil` at its end.
    func next() async throws -> Value? { try await iterator.next() }
}
