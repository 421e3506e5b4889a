/// Pulls several keyed streams concurrently and hands their chunks to one consumer
/// as addable `{key: chunk}` objects, in arrival order.
final class StreamMerger: @unchecked Sendable {
    // @unchecked Sendable: `started`, `producer` and `iterator` are touched only by
    // the single consumer that pulls this merger; producers talk to it only through
    // the AsyncThrowingStream continuation, which is Sendable.
    private(set) var started = false
    private var producer: Task<Void, Never>?
    private var iterator: AsyncThrowingStream<Value, any Error>.AsyncIterator?

    deinit { producer?.cancel() }

    /// Starts the producers: `make(index)` gives branch `index`'s key and stream.
    func start(count: Int, limit: Int, _ make: @escaping @Sendable (Int) -> (String, ValueStream)) {
        started = true
        let (stream, continuation) = AsyncThrowingStream<Value, any Error>.makeStream()
        iterator = stream.makeAsyncIterator()
        producer = Task {
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    var next = 0
                    func add() {
                        let index = next
                        next += 1
                        group.addTask {
                            let (key, values) = make(index)
                            for try await chunk in values {
                                var object = ValueObject([(key, chunk)])
                                object.isAddable = true
                                continuation.yield(.object(object))
                            }
                        }
                    }
                    while next < min(limit, count) { add() }
                    while try await group.next() != nil { if next < count { add() } }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
    }

    /// The next chunk from any branch, `nil` when all are done; cancelling the
    /// consumer cancels the producers.
    func next() async throws -> Value? {
        let producer = self.producer
        return try await withTaskCancellationHandler {
            try await iterator?.next()
        } onCancel: {
            producer?.cancel()
        }
    }
}
