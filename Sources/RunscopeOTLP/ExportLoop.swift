import Foundation
import RunscopeCore

/// The exporter thread's loop: assembles spans from what the chain queued, sends a
/// batch when `batchSize` spans wait or the oldest has waited `interval`, and at close
/// sends the rest within `closeTimeout`. Only the exporter thread touches it (the class
/// is handed to that thread once), hence `@unchecked Sendable`.
final class ExportLoop: @unchecked Sendable {
    private let configuration: OTLPConfiguration
    private let sender: OTLPSender
    private let batcher: SpanBatcher
    private var assembler: SpanAssembler
    private var pending: [OTLPSpan] = []
    private var oldest: Date?
    private var deadline: Date?
    private var outcome = ExportOutcome()

    init(configuration: OTLPConfiguration) {
        self.configuration = configuration
        sender = OTLPSender(configuration: configuration)
        batcher = SpanBatcher(configuration: configuration)
        assembler = SpanAssembler(keepTokens: configuration.tokenEvents)
    }

    /// Runs until `take` says the exporter is closing; `wait` sleeps a short while.
    func run(take: () -> (items: [ExportItem], closing: Bool), wait: () -> Void) {
        while true {
            let (items, closing) = take()
            assemble(items)
            if closing {
                deadline = Date().addingTimeInterval(configuration.closeTimeout)
                for record in assembler.drainOpen() { pending.append(SpanMapper.span(record)) }
                while !pending.isEmpty {
                    if !hasTime(for: 0) {
                        outcome.fail(pending.count, reason: "not sent within \(configuration.closeTimeout) s of closing")
                        pending = []
                        break
                    }
                    sendBatch()
                }
                sender.shutdown()
                return
            }
            while pending.count >= configuration.batchSize { sendBatch() }
            if let oldest, !pending.isEmpty, Date().timeIntervalSince(oldest) >= configuration.interval { sendBatch() }
            wait()
        }
    }

    /// The report: counts and one warning line per kind of problem.
    func finish(dropped: Int) -> OTLPExporter.Report {
        outcome.report(endpoint: configuration.endpoint, dropped: dropped)
    }

    private func assemble(_ items: [ExportItem]) {
        for item in items {
            switch item.kind {
            case .event(let event, let run):
                guard let record = assembler.add(event, run: run, time: item.time) else { continue }
                if pending.isEmpty { oldest = Date() }
                pending.append(SpanMapper.span(record))
            case .token(let text, let runId):
                assembler.addToken(text ?? "", runId: runId, time: item.time)
            }
        }
    }

    /// Sends up to `batchSize` pending spans (tries and waits as `RetryPolicy` says), and
    /// takes them off the pending list whatever came of it.
    private func sendBatch() {
        let count = min(configuration.batchSize, pending.count)
        let spans = Array(pending.prefix(count))
        pending.removeFirst(count)
        oldest = pending.isEmpty ? nil : Date()
        guard let body = batcher.body(spans) else {
            outcome.fail(count, reason: "cannot encode the spans")
            return
        }
        deliver(body, count: count)
    }

    private func deliver(_ body: [UInt8], count: Int) {
        // Once the endpoint could not be reached, later batches get one try each until one gets through.
        let connectAttempts = outcome.unreachable ? 1 : 2
        var attempt = 0
        while true {
            attempt += 1
            switch sender.post(body, timeout: requestTimeout()) {
            case .sent(let rejected, let message):
                outcome.sent(count, rejected: Int(rejected), message: message)
                return
            case .failed(let reason):
                outcome.fail(count, reason: reason)
                return
            case .retry(let reason, let retryAfter, let connection):
                let limit = connection ? min(connectAttempts, configuration.maxAttempts) : configuration.maxAttempts
                let wait = RetryPolicy.delay(
                    attempt: attempt, retryAfter: retryAfter, initial: configuration.initialBackoff, maxBackoff: configuration.maxBackoff)
                if attempt >= limit || !hasTime(for: wait) {
                    outcome.fail(count, reason: reason, connection: connection)
                    return
                }
                Thread.sleep(forTimeInterval: wait)
            }
        }
    }

    /// A request's timeout: the configured one, cut to what is left of the close deadline.
    private func requestTimeout() -> TimeInterval {
        guard let deadline else { return configuration.requestTimeout }
        return min(configuration.requestTimeout, deadline.timeIntervalSinceNow)
    }

    /// Whether a wait of `seconds` still leaves the close deadline ahead (always, before close).
    private func hasTime(for seconds: TimeInterval) -> Bool {
        guard let deadline else { return true }
        return Date().addingTimeInterval(seconds) < deadline
    }
}
