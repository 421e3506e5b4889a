import Foundation
import RunscopeCore
import RunscopeOTLP
import RunscopeReplay

/// Turns received requests into runs, puts them in order and delivers their events to
/// the handlers at their recorded times; keeps the header's note (service, trace, spans waiting) up to date.
struct SpanPump {
    let clock: ReplayClock
    let handlers: [any CallbackHandler]
    private var assembler = TraceAssembler()
    /// Spans without a trace or span id.
    private(set) var skipped = 0
    private var service: String?
    private var trace: String?

    init(clock: ReplayClock, handlers: [any CallbackHandler]) {
        self.clock = clock
        self.handlers = handlers
    }

    /// Delivers what `batch` makes ready.
    mutating func receive(_ batch: SpanBatch) {
        var ready: [ReceivedEvent] = []
        let runs = SpanTranslator.runs(batch, skipped: &skipped)
        for run in runs { assembler.receive(run, into: &ready) }
        // The header's service and trace: the translator read them already.
        if let last = runs.last {
            service = last.service ?? service
            trace = String(last.key.traceHex.prefix(8))
        }
        deliver(ready)
        note()
    }

    /// Delivers what still waits for a parent, as roots.
    mutating func finish() {
        deliver(assembler.flush())
        note()
    }

    private func deliver(_ events: [ReceivedEvent]) {
        for item in events {
            clock.deliver(at: item.time) {
                for handler in handlers { try? item.event.dispatch(to: handler, run: item.run) }
            }
        }
    }

    private func note() {
        var parts: [String] = []
        if let service { parts.append(service) }
        if let trace { parts.append("trace \(trace)…") }
        let waiting = assembler.waitingCount
        if waiting > 0 { parts.append("\(waiting) span\(waiting == 1 ? "" : "s") wait\(waiting == 1 ? "s" : "") for a parent") }
        clock.noteDetail(parts.isEmpty ? "receiving" : parts.joined(separator: " · "))
    }
}
