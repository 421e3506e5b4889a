import ArgumentParser
import Foundation
import RunscopeHistory
import RunscopeReplay

/// `runscope import FILE...`: event logs (runscope's or the Python handler's) into the history.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add event logs (from --events, --record or the Python handler) to the history.",
        discussion: "Each trace is kept once: a trace already in the history is not added again.")

    @Argument(help: "Event logs (JSON Lines, v1).")
    var files: [String]

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let path = HistoryLocation.databasePath(environment)
        var failed = false
        for file in files {
            var reader = EventLogReader(source: file)
            let recorder = HistoryRecorder(path: path, source: "import", timeout: HistoryLocation.busyTimeout(environment))
            do {
                for line in try FileLines.read(file) {
                    guard let entry = try reader.read(line: line) else { continue }
                    recorder.enqueue(QueuedEvent(event: entry.event, run: entry.run, time: entry.time, line: String(line)))
                }
            } catch {
                recorder.close()
                Terminal.error(error.description)
                failed = true
                continue
            }
            let report = recorder.close()
            ViewOptions.reportSkipped(reader)
            for warning in report.warnings { Terminal.error(warning) }
            if !report.warnings.isEmpty { failed = true; continue }
            var note = "\(file): imported \(report.traces.count) trace\(report.traces.count == 1 ? "" : "s")"
            if !report.skipped.isEmpty { note += ", \(report.skipped.count) already in the history" }
            Terminal.error(note + (report.traces.isEmpty ? "" : " (\(report.traces.joined(separator: ", ")))"))
        }
        if failed { throw ExitCode(2) }
    }
}
