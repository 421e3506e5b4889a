/// The output of one run as it is produced (what `Runnable.stream` returns): an
/// asynchronous sequence for one consumer.
///
/// Each value is pulled from the run when the consumer asks for it (backpressure: nothing
/// piles up). Cancelling the consuming task cancels the run; dropping the stream before its
/// end ends the run as cancelled. A value every layer of the run has at hand (in-memory
/// steps) is handed over without suspending.
public struct RunStream: AsyncSequence, Sendable {
    public typealias Element = Value

    private let source: StreamSource

    init(_ source: StreamSource) { self.source = source }

    public func makeAsyncIterator() -> Iterator { Iterator(source: source) }

    /// Pulls the run's values in turn; iterators of one stream share its run.
    public struct Iterator: AsyncIteratorProtocol {
        let source: StreamSource

        public mutating func next() async throws -> Value? {
            if case .ready(let value) = try source.poll() { return value }
            return try await source.nextAfterPending()
        }
    }
}
