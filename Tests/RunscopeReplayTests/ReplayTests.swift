import Foundation
import RunscopeCore
import RunscopeLoader
@testable import RunscopeReplay
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

@Suite(.timeLimit(.minutes(2))) struct FollowTests {
    static func temporaryLog() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("runscope-follow-\(UUID()).jsonl").path
    }

    /// What a follower did, for a writer on a thread of its own to wait on: the lines it
    /// yielded and the steps its reading thread took. Waits end on the event, not on a
    /// clock (a long bound only keeps a broken follower from holding the thread forever).
    final class Progress: @unchecked Sendable {
        // @unchecked Sendable: every field is read and written under `condition`.
        private let condition = NSCondition()
        private var lines: [String] = []
        private var steps: [FollowStep] = []

        func yielded(_ line: String) { update { $0.lines.append(line) } }
        func took(_ step: FollowStep) { update { $0.steps.append(step) } }

        /// Blocks until `done` holds of (lines, bytes read, times started over); false after 60 s.
        @discardableResult
        func wait(until done: ([String], Int, Int) -> Bool) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            let bound = Date().addingTimeInterval(60)
            while !done(lines, Self.bytes(steps), steps.filter { $0 == .startedOver }.count) {
                if !condition.wait(until: bound) { return false }
            }
            return true
        }

        private func update(_ change: (Progress) -> Void) {
            condition.lock()
            change(self)
            condition.broadcast()
            condition.unlock()
        }

        private static func bytes(_ steps: [FollowStep]) -> Int {
            steps.reduce(0) { if case .read(let count) = $1 { return $0 + count } else { return $0 } }
        }
    }

    /// Follows `path` until `count` lines came, while `writing` runs on a thread of its own
    /// (neither waits on Swift's shared threads, which a busy test run can hold for seconds);
    /// the suite's time limit ends a follower that never delivers.
    static func collect(
        _ path: String, pollInterval: Double, count: Int,
        while writing: @escaping @Sendable (Progress) throws -> Void
    ) async throws -> (lines: [String], steps: Progress, writeError: (any Error)?) {
        let progress = Progress()
        var follower = LogFollower(path: path, pollInterval: pollInterval)
        follower.observer = { progress.took($0) }
        let failure = Locked<(any Error)?>(nil)
        let stream = follower.lines()
        let writer = Thread {
            do { try writing(progress) } catch { failure.withLock { $0 = error } }
        }
        writer.start()
        var lines: [String] = []
        for try await line in stream {
            lines.append(String(line))
            progress.yielded(String(line))
            if lines.count >= count { break }
        }
        return (lines, progress, failure.withLock { $0 })
    }

    static func append(_ path: String, _ text: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    /// Poll intervals to follow with: 10 ms, and on Linux an hour, which the suite's time
    /// limit never reaches, so the lines can only come through the inotify watch.
    static let pollIntervals: [Double] = {
        #if os(Linux)
        [0.01, 3600]
        #else
        [0.01]
        #endif
    }()

    @Test(arguments: pollIntervals)
    func followsAppendsAndHoldsPartialLines(pollInterval: Double) async throws {
        let path = Self.temporaryLog()
        FileManager.default.createFile(atPath: path, contents: Data("one\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try await Self.collect(path, pollInterval: pollInterval, count: 3) { progress in
            progress.wait { lines, _, _ in lines == ["one"] }
            try Self.append(path, "tw")
            // The half line is read alone, and held: no line comes of it yet.
            progress.wait { _, bytes, _ in bytes == 6 }
            try Self.append(path, "o\nthree\n")
        }
        #expect(result.writeError == nil)
        #expect(result.lines == ["one", "two", "three"])
    }

    @Test(arguments: pollIntervals)
    func startsOverWhenTheFileIsTruncatedOrReplaced(pollInterval: Double) async throws {
        let path = Self.temporaryLog()
        FileManager.default.createFile(atPath: path, contents: Data("a\nb\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try await Self.collect(path, pollInterval: pollInterval, count: 4) { progress in
            progress.wait { lines, _, _ in lines.count == 2 }
            try Data("c\n".utf8).write(to: URL(fileURLWithPath: path + ".new"))
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: path + ".new", toPath: path)
            // (The follower may also start over while the path names no file, between the two steps.)
            var before = 0
            progress.wait { lines, _, restarts in before = restarts; return lines.count == 3 && restarts >= 1 }
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: 0)
            // Written only once the follower saw the file shrink: "d\n" is as long as "c\n",
            // so a follower that looked only after it would see no change of size.
            progress.wait { _, _, restarts in restarts > before }
            handle.write(Data("d\n".utf8))
            try handle.close()
        }
        #expect(result.writeError == nil)
        #expect(result.lines == ["a", "b", "c", "d"])
    }
}
