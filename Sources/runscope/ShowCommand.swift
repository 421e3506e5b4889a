import ArgumentParser
import Foundation
import RunscopeHistory
import RunscopeCore
import RunscopeReplay

/// `runscope show REF`: a trace from the history, on the replay screen or headless.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Open a run from the history (REF: an id, a unique prefix, last, last~N).",
        discussion: """
            On a terminal it opens the inspector on the trace, all at once (--speed N replays it with \
            its recorded timing). Headless it prints the table of runs (--summary, the default) or the \
            console trace (--console), as replay does.
            """)

    @Argument(help: "The trace: an id, a unique prefix of one, last, or last~N.")
    var reference: String

    @OptionGroup var view: ViewOptions

    @Option(help: "Replay with the recorded timing at this speed (2 is twice as fast) instead of all at once.")
    var speed: Double?

    @OptionGroup var otlp: OTLPOptions

    func run() async throws {
        if let speed, speed <= 0 { throw ValidationError("--speed must be greater than 0") }
        let store = try HistoryAccess.store()
        let trace = try HistoryAccess.run { () throws(HistoryError) in try store.resolve(reference) }
        let stored: StoredTrace
        do {
            stored = try StoredTrace.load(trace, from: store)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        ViewOptions.reportSkipped(stored.reader)
        for note in stored.notes { Terminal.error(note) }
        var view = self.view
        if view.headless && !view.console && !view.summary { view.summary = true }
        let clock = ReplayClock(speed: speed)
        let exporter = try otlp.exporter(clock: { clock.now() })
        defer { OTLPOptions.finish(exporter) }
        let exporters: [any CallbackHandler] = exporter.map { [$0] } ?? []
        let entries = stored.entries
        let outcome = try await view.show(title: stored.title, clock: clock) { handlers in
            try await Replayer(clock: clock).replay(entries, to: handlers + exporters)
        }
        if outcome != 0 { throw ExitCode(outcome) }
    }
}
