/// The iterator behind `Runnable.stream`: pulled once per value the consumer asks for.
///
/// A run notices cancellation only while it is pulled. If the stream is dropped, or its
/// consumer cancelled, between two values, the run is pulled once more in a cancelled task
/// so it ends as cancelled (its end events are sent) instead of being left open.
// @unchecked Sendable: `RunStream` has one consumer, which calls `next` or `poll` one
// call at a time, and deinit runs after the last call; so the iterator and `open` are
// never used by two tasks at once (nor two accesses to one of them overlap, hence
// @exclusivity(unchecked)).
final class StreamSource: @unchecked Sendable {
    @exclusivity(unchecked) private var iterator: ValueStream.AsyncIterator
    /// Pulled at least once and not ended: a run may be waiting for its next pull.
    @exclusivity(unchecked) private var open = false

    init(_ iterator: ValueStream.AsyncIterator) { self.iterator = iterator }

    /// The next value of the run, or `nil` at its end, for a caller whose `poll()` just
    /// said `pending`.
    func nextAfterPending() async throws -> Value? {
        do {
            let value = try await iterator.nextAfterPending()
            open = value != nil
            return value
        } catch {
            open = false
            throw error
        }
    }

    /// The next value without suspending, if every layer of the run has it at hand.
    func poll() throws -> ValueStream.Poll {
        do {
            let poll = try iterator.nextNow()
            if case .ready(let value) = poll { open = value != nil }
            return poll
        } catch {
            open = false
            throw error
        }
    }

    deinit {
        guard open else { return }
        let rest = Remainder(iterator)
        Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await rest.pullCancelled()
        }
    }

    /// What is left of a dropped stream, pulled once so its runs see the cancellation.
    // @unchecked Sendable: owned by the one task that pulls it.
    private final class Remainder: @unchecked Sendable {
        private var iterator: ValueStream.AsyncIterator
        init(_ iterator: ValueStream.AsyncIterator) { self.iterator = iterator }
        func pullCancelled() async { _ = try? await iterator.next() }
    }
}
