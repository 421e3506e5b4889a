import Foundation
import RunscopeCore
import RunscopeLoader
import RunscopeReplay
import Testing

/// Lines written by an `EventLogRecorder`, kept in memory.
final class MemoryLog: Sendable {
    let lines = Locked<[String]>([])
    func write(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [Substring] { lines.withLock { $0.map { Substring($0) } } }
}

@Suite struct ReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func damaged(_ name: String) throws -> [Substring] {
        try FileLines.read(root.appendingPathComponent("Tests/RunscopeReplayTests/Fixtures/damaged/\(name)").path)
    }

    /// What a replay must reproduce of a run: its shape, status, outputs and tokens.
    static func essence(_ runs: [RunTree]) -> [String] {
        runs.flatMap { $0.flattened() }.map { run in
            let outputs = run.runType.isModel ? "" : (run.outputs?.jsonString() ?? "-")
            return "\(run.name)|\(run.runType)|\(run.status)|\(run.tags)|\(run.childRuns.count)|\(outputs)|\(run.tokens.map(\.text).joined())|\(run.error?.description ?? "")"
        }
    }

    static func replayed(_ lines: [Substring]) async throws -> (Tracer, EventLogReader) {
        var reader = EventLogReader(source: "test")
        let entries = try Replayer.entries(lines, reader: &reader)
        let clock = ReplayClock()
        let tracer = Tracer(clock: { clock.now() })
        try await Replayer(clock: clock).replay(entries, to: [tracer])
        return (tracer, reader)
    }

    @Test(arguments: ["joke.json", "retrieval.json", "parallel.json", "branch.json", "fallbacks.json", "retry.json",
                      "json-output.json", "tools.json", "cjk.json", "langchain-format.json"])
    func recordThenReplayGivesTheSameRuns(example: String) async throws {
        let chain = try ChainFile.load(path: Self.root.appendingPathComponent("examples/\(example)").path)
        let log = MemoryLog()
        let live = Tracer()
        let config = RunConfig(callbacks: [live, EventLogRecorder(write: log.write)])
        _ = try await chain.runnable.streamValues(chain.defaultInput ?? ["animal": "cows"], config: config).collect()
        let (replay, reader) = try await Self.replayed(log.all)
        #expect(reader.skipped == 0 && reader.duplicates == 0)
        #expect(Self.essence(replay.runs) == Self.essence(live.runs))
        // Durations come from the recorded times, to the microsecond.
        var reader2 = EventLogReader(source: "test")
        let entries = try Replayer.entries(log.all, reader: &reader2)
        for run in replay.runs[0].flattened() {
            let times = entries.filter { $0.run.runId == run.id && ($0.event.isStart || $0.event.isEnd) }.map(\.time)
            let recorded = times.last!.timeIntervalSince(times.first!)
            #expect(abs((run.duration ?? -1) - recorded) < 0.000_01, "\(run.name)")
        }
    }

    @Test func damagedLogsNeverCrashAndCountWhatTheySkip() async throws {
        let (good, _) = try await Self.replayed(try Self.damaged("good.jsonl"))
        let expected = Self.essence(good.runs)
        for (file, skipped, duplicates) in [("corrupt.jsonl", 4, 0), ("unknown-fields.jsonl", 0, 0), ("crlf.jsonl", 0, 0),
                                             ("duplicated.jsonl", 0, 11)] {
            let (tracer, reader) = try await Self.replayed(try Self.damaged(file))
            #expect(reader.skipped == skipped && reader.duplicates == duplicates, "\(file): \(reader.skipped) \(reader.duplicates)")
            #expect(Self.essence(tracer.runs) == expected, "\(file)")
        }
    }

    @Test func aTruncatedLastLineIsSkippedAndItsRunStaysOpen() async throws {
        let (tracer, reader) = try await Self.replayed(try Self.damaged("truncated.jsonl"))
        #expect(reader.skipped == 1)
        #expect(tracer.runs.first?.status == .running, "the root's end was the cut line")
    }

    @Test func runsWhoseStartIsMissingAreStillShown() async throws {
        let (tracer, _) = try await Self.replayed(try Self.damaged("missing-starts.jsonl"))
        let names = tracer.runs.map(\.name)
        #expect(names.contains("RunnableWithFallbacks"), "children of the lost root become roots: \(names)")
        #expect(tracer.runs.allSatisfy { $0.status != .running || $0.name == "RunnableSequence" })
    }

    @Test func anotherVersionIsAClearError() throws {
        var reader = EventLogReader(source: "v2.jsonl")
        #expect { _ = try Replayer.entries(try Self.damaged("version-2.jsonl"), reader: &reader) } throws: {
            "\($0)" == "v2.jsonl: line 1: event log version 2 is not supported (this runscope reads version 1)"
        }
    }

    @Test func timestampsRoundTrip() {
        let date = Date(timeIntervalSince1970: 1_795_000_000.123456)
        let text = EventLogFormat.timestamp(date)
        #expect(text.hasSuffix(".123456Z"))
        var reader = EventLogReader(source: "t")
        let line = #"{"v":1,"event":"on_text","run_id":"01a2100d-088d-7320-9c16-6fafbdde3839","parent_run_id":null,"name":"x","run_type":"chain","tags":[],"time":"\#(text)","text":"hi"}"#
        let entry = try? reader.read(line: Substring(line))
        #expect(abs((entry?.time.timeIntervalSince1970 ?? 0) - date.timeIntervalSince1970) < 0.000002)
    }

    @Test func summaryTableShowsTheTree() async throws {
        let (tracer, _) = try await Self.replayed(try Self.damaged("good.jsonl"))
        let table = RunSummary.table(tracer.runs, now: Date()).split(separator: "\n")
        #expect(table[0].hasPrefix("run") && table[0].contains("first token"))
        #expect(table.contains { $0.hasPrefix("    primary ") && $0.contains("failed") })
        #expect(table.contains { $0.hasPrefix("    backup ") && $0.contains("succeeded") && $0.contains(" 15 ") })
    }
}

@Suite struct FollowTests {
    static func temporaryLog() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("runscope-follow-\(UUID()).jsonl").path
    }

    /// Collects followed lines until `count` arrived or a few seconds passed.
    static func collect(_ follower: LogFollower, count: Int, while writing: @escaping @Sendable () async throws -> Void) async throws -> [String] {
        let writer = Task { try await writing() }
        let reader = Task {
            var lines: [String] = []
            for try await line in follower.lines() {
                lines.append(String(line))
                if lines.count >= count { break }
            }
            return lines
        }
        let watchdog = Task {
            try await Task.sleep(nanoseconds: 10_000_000_000)
            reader.cancel()
        }
        defer { writer.cancel(); watchdog.cancel() }
        return try await reader.value
    }

    static func append(_ path: String, _ text: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    /// Poll intervals to follow with: 10 ms, and on Linux 30 s, which the 10 s watchdog of
    /// `collect` never reaches, so the lines can only come through the inotify watch.
    static let pollIntervals: [Double] = {
        #if os(Linux)
        [0.01, 30]
        #else
        [0.01]
        #endif
    }()

    @Test(arguments: pollIntervals)
    func followsAppendsAndHoldsPartialLines(pollInterval: Double) async throws {
        let path = Self.temporaryLog()
        FileManager.default.createFile(atPath: path, contents: Data("one\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try await Self.collect(LogFollower(path: path, pollInterval: pollInterval), count: 3) {
            try await Task.sleep(nanoseconds: 50_000_000)
            try Self.append(path, "tw")
            try await Task.sleep(nanoseconds: 50_000_000)
            try Self.append(path, "o\nthree\n")
        }
        #expect(lines == ["one", "two", "three"])
    }

    @Test(arguments: pollIntervals)
    func startsOverWhenTheFileIsTruncatedOrReplaced(pollInterval: Double) async throws {
        let path = Self.temporaryLog()
        FileManager.default.createFile(atPath: path, contents: Data("a\nb\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try await Self.collect(LogFollower(path: path, pollInterval: pollInterval), count: 4) {
            try await Task.sleep(nanoseconds: 100_000_000)
            try Data("c\n".utf8).write(to: URL(fileURLWithPath: path + ".new"))
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: path + ".new", toPath: path)
            try await Task.sleep(nanoseconds: 100_000_000)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: 0)
            try await Task.sleep(nanoseconds: 100_000_000)
            handle.write(Data("d\n".utf8))
            try handle.close()
        }
        #expect(lines == ["a", "b", "c", "d"])
    }
}
