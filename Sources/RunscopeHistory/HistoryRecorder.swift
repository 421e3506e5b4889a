import Foundation
import RunscopeCore
import RunscopePricing
import Synchronization

/// A handler that keeps every run in the history. `handle` only appends the event to a
/// bounded queue; one writer thread opens the database and commits what is queued
/// every `interval` (50 ms) in one transaction. A database problem never reaches the
/// chain: it becomes one warning in the report `close()` returns, and the run goes on.
public final class HistoryRecorder: RunEventHandler {
    /// What the recorder has to say once closed.
    public struct Report: Sendable {
        /// One line per problem (the database could not be opened or written, events dropped).
        public var warnings: [String] = []
        /// Traces written, in the order they started.
        public var traces: [String] = []
        /// Traces that were already in the history and were not written again.
        public var skipped: [String] = []
        /// Events written.
        public var events = 0
    }

    /// Events waiting for the writer, in slabs of `EventSlab.capacity` so that a long stream
    /// never makes one huge array grow (and be copied) under the lock.
    private struct Queue: Sendable {
        var chunks: [EventSlab] = []
        var current = EventSlab()
        var count = 0
        var dropped = 0
        var closing = false
        /// Emptied slabs the writer gave back: a long stream reuses the same memory rather
        /// than allocating slabs the writer thread then frees (which glibc hands back to the
        /// system and the chain's next slab faults in again).
        var spare: [EventSlab] = []
    }

    /// At most this many spare slabs are kept (4 MB or so).
    private static let spareLimit = 64

    private let queue = Locked(Queue())
    private let capacity: Int
    private let clock: @Sendable () -> Date
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let report = Locked(Report())
    private let closed = Locked(false)
    private let busyCounter: Locked<Int>

    /// A recorder writing to the database at `path` (opened on the writer thread, so a busy
    /// database never delays the chain). `source` says what wrote the traces (`run`, `tail`, `import`).
    /// Model runs are priced with `prices` unless their result gives its cost (`llm_output.cost_usd`).
    public init(
        path: String, source: String, timeout: TimeInterval = 5, interval: TimeInterval = 0.05, capacity: Int = 1 << 20,
        prices: PriceTable = .builtIn, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.capacity = capacity
        self.clock = clock
        let loop = WriterLoop(
            path: path, timeout: timeout, interval: interval, writer: BatchWriter(writer: .current, source: source), prices: prices)
        busyCounter = loop.busyRetries
        let thread = Thread { [self] in
            loop.run(
                take: { [self] in take() }, giveBack: { [self] in giveBack($0) },
                wait: { [self] in wake.wait(timeout: .now() + interval) == .success },
                isClosing: { [self] in queue.withLock { $0.closing } })
            report.withLock { $0 = loop.finish(dropped: queue.withLock { $0.dropped }) }
            // Closed before `close()` returns, so the WAL is checkpointed and the file whole
            // by then (the connection used to close later, when the thread let go of the loop).
            loop.closeDatabase()
            finished.signal()
        }
        thread.name = "runscope-history"
        thread.start()
    }

    public func handle(_ event: RunEvent, run: RunInfo) throws {
        enqueue(QueuedEvent(event: event, run: run, time: clock()))
    }

    /// A token goes in by its text and run id alone: no event is made for it, and the
    /// writer thread shares no reference with the chain for it (the chain's fastest path).
    public func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) throws {
        enqueue(QueuedEvent(token: token, runId: run.runId, time: clock()))
    }

    /// Queues one event (dropped, and counted, when the queue is full or the recorder closed).
    public func enqueue(_ item: QueuedEvent) {
        queue.withLock { state in
            guard state.count < capacity, !state.closing else {
                state.dropped += 1
                return
            }
            if state.current.isFull {
                state.chunks.append(state.current)
                state.current = state.spare.popLast() ?? EventSlab()
            }
            state.current.append(item)
            state.count += 1
        }
    }

    /// Times the writer found the database locked by another process and kept its batch to try again.
    public var busyRetries: Int { busyCounter.withLock { $0 } }

    /// Events queued and not yet taken by the writer (for producers that want to pace themselves).
    public var pending: Int { queue.withLock { $0.count } }

    public func onHandlerError(_ error: RunError, handler: String, event: String, run: RunInfo) {}

    /// Everything queued, in order, and whether the recorder is closing.
    private func take() -> (items: [EventSlab], closing: Bool) {
        queue.withLock { state in
            var items = state.chunks
            if !state.current.isEmpty {
                items.append(state.current)
                state.current = state.spare.popLast() ?? EventSlab()
            }
            state.chunks = []
            state.count = 0
            return (items, state.closing)
        }
    }

    /// Keeps the writer's emptied chunks for the next events.
    private func giveBack(_ chunks: [EventSlab]) {
        queue.withLock { state in
            let room = max(0, Self.spareLimit - state.spare.count)
            state.spare.append(contentsOf: chunks.prefix(room))
        }
    }

    /// Writes what is queued, marks runs still running as interrupted, stops the writer
    /// and says what happened. Later calls return the same report.
    @discardableResult
    public func close() -> Report {
        let first = closed.withLock { done in defer { done = true }; return !done }
        if first {
            queue.withLock { $0.closing = true }
            wake.signal()
            finished.wait()
        }
        return report.withLock { $0 }
    }
}
