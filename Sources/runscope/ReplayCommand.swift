import ArgumentParser
import Foundation
import RunscopeCore
import RunscopeHistory
import RunscopeReplay

/// `runscope replay FILE`: look at a recorded run again.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Replay a recorded event log (from --record, --events or the Python handler).",
        discussion: """
            In the terminal UI the events arrive with their recorded timing (--speed to change it, \
            --instant for all at once). Headless (--no-tui, or not a terminal), --console prints the \
            console trace rebuilt from the log and --summary a table of runs; headless replay is \
            instant unless --speed is given.
            """)

    @Argument(help: "The event log (JSON Lines, v1), or - for standard input.")
    var file: String

    @OptionGroup var view: ViewOptions

    @Option(help: "Replay speed: 2 is twice as fast, 0.5 half as fast.")
    var speed: Double?

    @Flag(help: "Replay every event at once.")
    var instant = false

    @OptionGroup var history: HistoryOptions

    @OptionGroup var otlp: OTLPOptions

    func run() async throws {
        if let speed, speed <= 0 { throw ValidationError("--speed must be greater than 0") }
        // Read as it is replayed (a big log shows at once); a file with no event is refused first.
        let log: EventLogFile
        let first: EventLogEntry?
        do {
            log = try EventLogFile(path: file)
            first = try log.first()
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        defer { ViewOptions.reportSkipped(log.reader) }
        let pace: Double? = instant ? nil : (speed ?? (view.headless ? nil : 1))
        let clock = ReplayClock(speed: pace)
        clock.noteSkipped(log.passedOver)
        let exporter = try otlp.exporter(clock: { clock.now() })
        defer { OTLPOptions.finish(exporter) }
        let recorder = history.recorder(source: "replay", prices: try view.pricing.table(), clock: { clock.now() })
        defer { HistoryOptions.finish(recorder) }
        let outcome = try await view.show(title: "replay \(ViewOptions.shortName(file))", clock: clock) { handlers in
            let extra: [any CallbackHandler] = (recorder.map { [$0] } ?? []) + (exporter.map { [$0] } ?? [])
            try await Replayer(clock: clock).replay(log, first: first, to: handlers + extra)
        }
        if outcome != 0 { throw ExitCode(outcome) }
    }
}
