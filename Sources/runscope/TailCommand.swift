import ArgumentParser
import Foundation
import RunscopeCore
import RunscopeHistory
import RunscopeReplay

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
        let recorder = history.recorder(source: "tail", prices: try view.pricing.table())
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
