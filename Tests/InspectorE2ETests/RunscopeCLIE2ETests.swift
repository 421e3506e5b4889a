import Foundation
import RunscopeTestSupport
import Testing

/// `runscope` itself in a real terminal (tmux): a chain file run live, a failing
/// run, a replay paused and stepped, and a log followed while another process
/// writes it.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end tests skipped"))
struct RunscopeCLIE2ETests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = BuiltProducts.executable("runscope", override: "RUNSCOPE_BIN")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func launch(_ arguments: [String], width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "run `swift build` first")
        return try TmuxSession(binary: Self.binary, arguments: arguments, width: width, height: height)
    }

    /// Records a run of `example` headless and returns the log's path.
    static func record(_ example: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("run.jsonl").path
        let process = Process()
        process.executableURL = binary
        process.arguments = [path(example), "--no-tui", "--record", log, "--no-history"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return log
    }

    static func tokens(_ screen: String?) -> Int { screen.flatMap(InspectorE2ETests.headerTokens) ?? -1 }

    @Test func aChainFileRunsLiveAndTheTerminalIsRestored() async throws {
        // About 480 tokens at 40 ms: some 19 s of streaming to capture twice (at 20 ms, under
        // CI's load, the first screen seen once came when the stream had nearly ended).
        let session = try launch([Self.path("Tests/InspectorE2ETests/Fixtures/long-stream.json")])
        defer { session.close() }
        let first = try #require(await session.waitFor { Self.tokens($0) > 2 && $0.contains("running") }, "no tokens appeared")
        #expect(first.contains("RunnableSequence") && first.contains("GenericFakeChatModel"))
        let later = try #require(await session.waitFor { Self.tokens($0) > Self.tokens(first) + 3 }, "the stream did not grow")
        #expect(later.contains("Streaming token number"))
        // The rest of the stream: about 19 s quiet, more when every suite runs at once on two
        // cores (CI once saw a 10 s stream not finished 15 s after the growth), so up to 90 s.
        let finished = await session.waitFor(timeout: 90) { $0.contains("✓ finished") }
        _ = try #require(finished, "the chain did not finish; the screen:\n\(session.capture())")
        #expect(session.format("#{alternate_on}") == "1")
        session.send("q")
        #expect(await session.exitStatus() == 0)
        #expect(session.format("#{alternate_on}") == "0")
        let modes = try #require(session.terminalModes())
        #expect(modes.before == modes.after)
    }

    @Test func aFailingChainShowsWhereAndExitsWith1() async throws {
        let session = try launch([Self.path("Tests/python/chains/failing.json"), "--exit-on-finish"])
        defer { session.close() }
        #expect(await session.exitStatus() == 1)
    }

    /// The event count of the header's `paused at event N`, if it says that.
    static func pausedAt(_ screen: String) -> Int? {
        guard let range = screen.range(of: "paused at event ") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func aReplayPausesStepsAndResumes() async throws {
        let log = try Self.record("examples/parallel.json")
        defer { try? FileManager.default.removeItem(atPath: log) }
        let session = try launch(["replay", log, "--speed", "0.5"])
        defer { session.close() }
        _ = try #require(await session.waitFor { Self.tokens($0) > 2 })
        session.send("Space")
        let paused = try #require(await session.waitFor { Self.pausedAt($0) != nil })
        let event = try #require(Self.pausedAt(paused))
        // Each step lets exactly one event through: the count moves by one per key, and
        // had events kept coming while paused it would have run past the next number.
        session.send(".")
        let stepped = await session.waitFor { Self.pausedAt($0) == event + 1 }
        #expect(stepped != nil, "one step did not deliver exactly one event after \(event): \(session.capture())")
        session.send(".", ".")
        let twice = await session.waitFor { Self.pausedAt($0) == event + 3 }
        #expect(twice != nil, "two more steps did not deliver two events: \(session.capture())")
        session.send("Space")
        _ = try #require(await session.waitFor(timeout: 20) { $0.contains("replay ended") }, "the replay did not resume")
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func tailShowsRunsOfAnotherProcessAsTheyAreWritten() async throws {
        let recorded = try String(contentsOfFile: Self.record("examples/parallel.json"), encoding: .utf8)
        let lines = recorded.split(separator: "\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-tail-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("live.jsonl").path
        FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let session = try launch(["tail", log])
        defer { session.close() }
        _ = try #require(await session.waitFor("following"))
        let writer = Task {
            let handle = try #require(FileHandle(forWritingAtPath: log))
            for chunk in lines.chunks(of: max(1, lines.count / 12)) {
                handle.seekToEndOfFile()
                handle.write(Data((chunk.joined(separator: "\n") + "\n").utf8))
                try await Task.sleep(nanoseconds: 400_000_000)
            }
            try handle.close()
        }
        let early = try #require(await session.waitFor { $0.contains("RunnableParallel") }, "no run appeared")
        let growing = try #require(await session.waitFor { Self.tokens($0) > Self.tokens(early) }, "the tree did not grow")
        #expect(!writer.isCancelled)
        try await writer.value
        let done = try #require(await session.waitFor { $0.contains("✓ chain  RunnableParallel") })
        #expect(Self.tokens(done) >= Self.tokens(growing))
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func tailWaitSaysItWaitsThenFollowsTheFileOnceItAppears() async throws {
        let recorded = try Self.record("examples/joke.json")
        let log = URL(fileURLWithPath: recorded).deletingLastPathComponent().appendingPathComponent("later.jsonl").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let session = try launch(["tail", log, "--wait"])
        defer { session.close() }
        _ = try #require(await session.waitFor("waiting for later.jsonl to appear"), "the header does not say it waits")
        try FileManager.default.moveItem(atPath: recorded, toPath: log)
        let screen = try #require(await session.waitFor { $0.contains("✓ chain  RunnableSequence") }, "the runs did not appear")
        #expect(screen.contains("following") && !screen.contains("waiting for"))
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func wideCharactersKeepTheBordersAligned() async throws {
        let session = try launch([Self.path("examples/cjk.json")])
        defer { session.close() }
        let screen = try #require(await session.waitFor { $0.contains("为什么猫喜欢") })
        for line in screen.split(separator: "\n") where line.contains("│") {
            #expect(line.reduce(0) { $0 + ($1.isWideCJK ? 2 : 1) } == 120, "\(line)")
        }
        session.send("q")
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension Character {
    /// Whether this is a CJK ideograph or fullwidth form (two columns).
    var isWideCJK: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return (0x3000...0x9FFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
    }
}
