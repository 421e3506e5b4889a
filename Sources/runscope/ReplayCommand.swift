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
        var reader = EventLogReader(source: file)
        let entries: [EventLogEntry]
        do {
            entries = try Replayer.entries(try FileLines.read(file), reader: &reader)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        ViewOptions.reportSkipped(reader)
        let pace: Double? = instant ? nil : (speed ?? (view.headless ? nil : 1))
        let clock = ReplayClock(speed: pace)
        clock.noteSkipped(reader.skipped + reader.duplicates)
        let exporter = try otlp.exporter(clock: { clock.now() })
        defer { OTLPOptions.finish(exporter) }
        let recorder = history.recorder(source: "replay", clock: { clock.now() })
        defer { HistoryOptions.finish(recorder) }
        let outcome = try await view.show(title: "replay \(ViewOptions.shortName(file))", clock: clock) { handlers in
            let extra: [any CallbackHandler] = (recorder.map { [$0] } ?? []) + (exporter.map { [$0] } ?? [])
            try await Replayer(clock: clock).replay(entries, to: handlers + extra)
        }
        if outcome != 0 { throw ExitCode(outcome) }
    }
}

/// `runscope tail FILE`: follow a log another process is writing.
struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail", abstract: "Follow an event log another process is still writing (- for standard input).",
        discussion: """
            Shows runs as their events are appended, like `tail -f`: partial last lines wait for their \
            newline, and a file that is truncated or replaced is read again from the start. \
            `python app.py | runscope tail -` watches a Python LangChain app live \
            (integrations/python). Headless, it prints the console trace as events arrive.
            """)

    @Argument(help: "The event log to follow, or - for standard input.")
    var file: String

    @OptionGroup var view: ViewOptions

    @Flag(help: "If the file does not exist yet, wait for it to appear (without this, a missing file is an error).")
    var wait = false

    @OptionGroup var history: HistoryOptions

    @OptionGroup var otlp: OTLPOptions

    func run() async throws {
        let clock = ReplayClock(following: true)
        let exporter = try otlp.exporter(clock: { clock.now() })
        defer { OTLPOptions.finish(exporter) }
        let recorder = history.recorder(source: "tail")
        defer { HistoryOptions.finish(recorder) }
        let exporters: [any CallbackHandler] = exporter.map { [$0] } ?? []
        let follower = LogFollower(path: file)
        let source = file
        let exitOnFinish = view.exitOnFinish
        let missing = file != "-" && !FileManager.default.fileExists(atPath: file)
        if missing {
            guard wait else {
                Terminal.error("\(file): no such file (--wait waits for it to appear)")
                throw ExitCode(2)
            }
            clock.noteWaiting(for: ViewOptions.shortName(file))
            if view.headless { Terminal.error("runscope: waiting for \(file) to appear") }
        }
        let outcome = try await view.show(title: "tail \(ViewOptions.shortName(file))", clock: clock) { handlers in
            if missing {
                try await follower.waitForFile()
                clock.noteWaiting(for: nil)
            }
            var reader = EventLogReader(source: source)
            defer { ViewOptions.reportSkipped(reader) }
            let replayer = Replayer(clock: clock)
            let finish = FinishWatcher()
            for try await line in follower.lines() {
                guard let entry = try reader.read(line: line) else {
                    clock.noteSkipped(reader.skipped + reader.duplicates)
                    continue
                }
                try await clock.waitUntilDue(entry.time)
                recorder?.enqueue(QueuedEvent(event: entry.event, run: entry.run, time: entry.time, line: String(line)))
                replayer.deliver(entry, to: handlers + exporters + [finish])
                if exitOnFinish, finish.allEnded { break }
            }
        }
        if outcome != 0 { throw ExitCode(outcome) }
    }
}
