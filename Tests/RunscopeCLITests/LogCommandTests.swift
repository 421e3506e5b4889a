import Foundation
import Testing

/// `runscope replay` and `runscope tail` on files that are not what they expect.
@Suite(.serialized) struct LogCommandTests {
    static func temporaryPath(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("runscope-log-\(UUID())\(suffix)").path
    }

    @Test func replayOfAChainFileSaysItIsNotAnEventLog() async throws {
        let result = try await CLI.run(["replay", "examples/joke.json", "--no-tui", "--summary"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("examples/joke.json: not an event log: none of its ") == true, "\(result.stderr)")
        #expect(lines.first?.contains("lines is an event") == true)
        #expect(result.stdout.isEmpty)
    }

    @Test func replayOfAnEmptyFileSaysItIsNotAnEventLog() async throws {
        let path = Self.temporaryPath(".jsonl")
        FileManager.default.createFile(atPath: path, contents: Data("\n\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try await CLI.run(["replay", path, "--no-tui"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(path): not an event log: it has no lines"), "\(result.stderr)")
    }

    @Test func replayOfALogWithSomeBadLinesStillReplays() async throws {
        let log = Self.temporaryPath(".jsonl")
        defer { try? FileManager.default.removeItem(atPath: log) }
        #expect(try await CLI.run(["examples/joke.json", "--events", log]).status == 0)
        let handle = try #require(FileHandle(forWritingAtPath: log))
        handle.seekToEndOfFile()
        handle.write(Data("not json\n".utf8))
        try handle.close()
        let result = try await CLI.run(["replay", log, "--no-tui", "--summary"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "\(log): skipped 1 unreadable line\n")
        #expect(result.stdout.contains("RunnableSequence"))
    }

    @Test func tailOfAMissingFileIsAnErrorNamingIt() async throws {
        let path = Self.temporaryPath("-missing.jsonl")
        let result = try await CLI.run(["tail", path, "--no-tui"], timeout: 20)
        #expect(result.status == 2)
        #expect(result.stderr == "\(path): no such file (--wait waits for it to appear)\n")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func tailWaitWaitsForTheFileAndSaysSo() async throws {
        let recorded = Self.temporaryPath(".jsonl")
        let path = Self.temporaryPath("-later.jsonl")
        defer {
            try? FileManager.default.removeItem(atPath: recorded)
            try? FileManager.default.removeItem(atPath: path)
        }
        #expect(try await CLI.run(["examples/joke.json", "--events", recorded]).status == 0)
        let tail = try RunningCLI(["tail", path, "--wait", "--no-tui", "--summary", "--exit-on-finish"])
        let said = try await tail.waitForStderr { $0.contains("waiting for \(path) to appear") }
        #expect(said, "stderr: \(tail.stderr)")
        #expect(tail.process.isRunning, "tail gave up before the file appeared")
        try FileManager.default.moveItem(atPath: recorded, toPath: path)
        let status = try await tail.waitForExit()
        #expect(status == 0, "stderr: \(tail.stderr)")
        #expect(tail.stdout.contains("RunnableSequence"), "stdout: \(tail.stdout)")
    }
}
