import Foundation
import RunscopeCore

/// A handler that sends every run as an OpenTelemetry span to an OTLP/HTTP endpoint.
///
/// Pass it when a chain is run (`RunConfig.callbacks`) so it sees every nested run.
/// On the chain's side it only appends to a bounded queue under a lock: it never
/// blocks, and what does not fit is dropped and counted. A thread of its own turns
/// ended runs into spans and POSTs them in batches (`batchSize`, or every `interval`),
/// retrying 429/503 and the like with backoff. Problems never reach the chain: they
/// become warnings in the report `close()` returns, which the caller prints.
public final class OTLPExporter: RunEventHandler {
    /// What the exporter has to say once closed.
    public struct Report: Sendable {
        /// One line per problem (endpoint unreachable or refusing, spans rejected, events dropped).
        public var warnings: [String] = []
        /// Spans the endpoint took.
        public var exported = 0
        /// Spans given up on (the endpoint was down or said no).
        public var failed = 0
        /// Events dropped because the queue was full (or came after close).
        public var dropped = 0
    }

    private struct Queue {
        var items: [ExportItem] = []
        var dropped = 0
        var closing = false
    }

    private let queue = Locked(Queue())
    private let capacity: Int
    private let keepTokens: Bool
    private let clock: @Sendable () -> Date
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let report = Locked(Report())
    private let closed = Locked(false)

    /// An exporter sending as `configuration` says; `clock` gives event times (a replay
    /// passes its recorded ones). Its thread starts at once; nothing is sent before a run ends.
    public init(configuration: OTLPConfiguration, clock: @escaping @Sendable () -> Date = { Date() }) {
        capacity = configuration.queueCapacity
        keepTokens = configuration.tokenEvents
        self.clock = clock
        let loop = ExportLoop(configuration: configuration)
        let poll = min(0.1, configuration.interval)
        let thread = Thread { [self] in
            loop.run(take: { [self] in take() }, wait: { [self] in _ = wake.wait(timeout: .now() + poll) })
            report.withLock { $0 = loop.finish(dropped: queue.withLock { $0.dropped }) }
            finished.signal()
        }
        thread.name = "runscope-otlp"
        thread.start()
    }

    public func handle(_ event: RunEvent, run: RunInfo) throws {
        enqueue(ExportItem(kind: .event(event, run), time: clock()))
    }

    /// A token goes in by its run id (and its text only with token events): no event is made.
    public func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) throws {
        enqueue(ExportItem(kind: .token(keepTokens ? token : nil, run.runId), time: clock()))
    }

    public func onHandlerError(_ error: RunError, handler: String, event: String, run: RunInfo) {}

    private func enqueue(_ item: ExportItem) {
        queue.withLock { state in
            guard state.items.count < capacity, !state.closing else {
                state.dropped += 1
                return
            }
            state.items.append(item)
        }
    }

    /// Everything queued, in order, and whether the exporter is closing.
    private func take() -> (items: [ExportItem], closing: Bool) {
        queue.withLock { state in
            var items: [ExportItem] = []
            swap(&items, &state.items)
            return (items, state.closing)
        }
    }

    /// Sends what is left (for at most `closeTimeout`; runs still open are sent as they
    /// stand, their status unset), stops the thread and says what happened. Later calls
    /// return the same report.
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
