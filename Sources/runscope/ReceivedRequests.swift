import Foundation
import RunscopeCore
import RunscopeOTLP

/// The receiver's requests on their way to the handlers: a stream with a bound. While
/// more than `limit` wait, the receiver answers 503 and the client retries later.
final class ReceivedRequests: Sendable {
    /// How many requests may wait at once.
    static let limit = 64

    let stream: AsyncStream<SpanBatch>
    private let continuation: AsyncStream<SpanBatch>.Continuation
    private let waiting = Locked(0)

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: SpanBatch.self)
    }

    /// Queues `batch`; `false` when too many wait (or the stream ended).
    func push(_ batch: SpanBatch) -> Bool {
        let room = waiting.withLock { count in
            guard count < Self.limit else { return false }
            count += 1
            return true
        }
        guard room else { return false }
        if case .enqueued = continuation.yield(batch) { return true }
        waiting.withLock { $0 -= 1 }
        return false
    }

    /// One request was handled.
    func done() {
        waiting.withLock { $0 -= 1 }
    }

    /// Ends the stream: what is queued is still read.
    func finish() {
        continuation.finish()
    }
}
