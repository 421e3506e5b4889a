import Foundation
import RunscopeCore
import RunscopeReplay

/// EventLogReader: every line reads or is skipped or throws a one-line error naming the log;
/// an entry it reads, written back in the log format, reads back to an entry that writes
/// the same line again.
enum EventLogFuzz {
    static func run(_ bytes: [UInt8]) {
        var reader = EventLogReader(source: "fuzz.jsonl")
        for line in bytes.text.split(separator: "\n", omittingEmptySubsequences: false) {
            do {
                guard let entry = try reader.read(line: line) else { continue }
                checkRoundTrip(entry)
            } catch {
                fuzzCheck(error.message.hasPrefix("fuzz.jsonl: line "), "the error does not name the place: \(error)")
                fuzzCheck(!error.message.contains("\n"), "the error is not one line: \(error)")
            }
        }
    }

    private static func checkRoundTrip(_ entry: EventLogEntry) {
        let written = line(entry)
        guard let again = reread(written) else {
            fuzzCheck(false, "a written line does not read back: \(written)")
            return
        }
        fuzzCheck(again.event.name == entry.event.name, "event \(entry.event.name) read back as \(again.event.name)")
        fuzzCheck(again.run.runId == entry.run.runId, "the run id changed: \(written)")
        let rewritten = line(again)
        fuzzCheck(rewritten == written, "writing the read-back entry changed the line:\n\(written)\n\(rewritten)")
    }

    private static func line(_ entry: EventLogEntry) -> String {
        EventLogFormat.line(entry.event, run: entry.run, time: entry.time).compactJSON()
    }

    private static func reread(_ line: String) -> EventLogEntry? {
        var reader = EventLogReader(source: "again.jsonl")
        return try? reader.read(line: Substring(line))
    }
}
