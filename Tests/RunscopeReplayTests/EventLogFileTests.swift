import Foundation
import RunscopeCore
@testable import RunscopeReplay
import Testing

/// `EventLogFile`: a log read one entry at a time, a chunk at a time, gives what reading
/// it whole gives (entries, skipped and duplicated counts), across chunk boundaries, and
/// refuses a file that is not an event log before anything is replayed.
@Suite struct EventLogFileTests {
    static func fixture(_ name: String) -> String {
        ReplayTests.root.appendingPathComponent("Tests/RunscopeReplayTests/Fixtures/damaged/\(name)").path
    }

    /// Every entry of `log`, read one at a time from its first.
    static func readAll(_ log: EventLogFile) throws -> [EventLogEntry] {
        var entries: [EventLogEntry] = []
        var entry = try log.first()
        while let current = entry {
            entries.append(current)
            entry = try log.next()
        }
        return entries
    }

    /// What identifies an entry: its event, run and time.
    static func key(_ entry: EventLogEntry) -> String {
        "\(entry.event)|\(entry.run.runId)|\(entry.run.name)|\(entry.time.timeIntervalSinceReferenceDate)"
    }

    @Test(arguments: ["good.jsonl", "corrupt.jsonl", "crlf.jsonl", "duplicated.jsonl", "missing-starts.jsonl", "truncated.jsonl", "unknown-fields.jsonl"])
    func readingAsItGoesGivesWhatReadingWholeGives(fixture: String) throws {
        let path = Self.fixture(fixture)
        var whole = EventLogReader(source: path)
        let expected = try Replayer.entries(try FileLines.read(path), reader: &whole)
        let log = try EventLogFile(path: path)
        let entries = try Self.readAll(log)
        #expect(entries.map(Self.key) == expected.map(Self.key))
        #expect(log.reader.skipped == whole.skipped && log.reader.duplicates == whole.duplicates && log.reader.lineNumber == whole.lineNumber)
    }

    @Test func linesAcrossChunkBoundariesAndALastLineWithoutNewlineAreRead() throws {
        let good = try String(contentsOfFile: Self.fixture("good.jsonl"), encoding: .utf8)
        let lines = good.split(separator: "\n")
        // Many copies of the log under new run ids: well over one 64 KiB chunk, lines cut anywhere.
        var text = ""
        var copies = 0
        while text.utf8.count < 600_000 {
            let id = String(format: "%08x", copies)
            text += lines.map { $0.replacingOccurrences(of: "01a21010-", with: "\(id)-") }.joined(separator: "\n") + "\n"
            copies += 1
        }
        text.removeLast()  // the last line ends without a newline
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-eventlogfile-\(UUID()).jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var whole = EventLogReader(source: path)
        let expected = try Replayer.entries(try FileLines.read(path), reader: &whole)
        let entries = try Self.readAll(try EventLogFile(path: path))
        #expect(expected.count > 1000, "the copies are distinct runs: \(expected.count) entries")
        #expect(entries.map(Self.key) == expected.map(Self.key))
    }

    @Test func aFileWithNoEventIsRefusedBeforeReplay() throws {
        let chain = ReplayTests.root.appendingPathComponent("examples/joke.json").path
        let log = try EventLogFile(path: chain)
        #expect { _ = try log.first() } throws: { error in
            "\(error)".contains("\(chain): not an event log") && "\(error)".contains("lines is an event")
        }
    }

    @Test func aMissingFileIsNamed() {
        #expect { _ = try EventLogFile(path: "/nonexistent/log.jsonl") } throws: { error in
            "\(error)" == "/nonexistent/log.jsonl: cannot read the file (no such file)"
        }
    }

    @Test func theReplayOfAFileCountsSkippedLinesAsItGoes() async throws {
        let path = Self.fixture("corrupt.jsonl")
        let log = try EventLogFile(path: path)
        let first = try log.first()
        let clock = ReplayClock()
        let tracer = Tracer(clock: { clock.now() })
        try await Replayer(clock: clock).replay(log, first: first, to: [tracer])
        var whole = EventLogReader(source: path)
        _ = try Replayer.entries(try FileLines.read(path), reader: &whole)
        #expect(whole.skipped > 0, "the fixture has bad lines")
        #expect(clock.skipped == whole.skipped + whole.duplicates)
        #expect(!tracer.runs.isEmpty)
    }
}
