import Foundation
import RunscopeCore
import RunscopeHistory
import Testing

/// The history under faults, with the real binary: a process killed mid-run, two
/// processes writing at once, a database that is not runscope's.
@Suite(.serialized) struct HistoryFaultCLITests {
    /// A chain that streams `words` words slowly enough to be caught mid-run.
    static func slowChain(_ home: HistoryHome, words: Int, delay: Double) throws -> String {
        let answer = (0..<words).map { "w\($0)" }.joined(separator: " ")
        let chain: Value = ["input": "x", "chain": [["prompt": "{q}"], ["model": "scripted", "responses": [.string(answer)], "token_delay": .double(delay)]]]
        return try home.chain(chain.compactJSON())
    }

    @Test func aRunKilledMidStreamIsKeptAsInterruptedAndTheDatabaseIsSound() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        let chain = try Self.slowChain(home, words: 2000, delay: 0.01)
        let process = try home.start(["run", chain, "--no-tui"])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let streaming = try await HistoryHome.waitUntil {
            try home.store().traces(TraceFilter()).first.map { $0.status == "running" && $0.tokens >= 20 } ?? false
        }
        #expect(streaming, "the history shows the run while it streams")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let store = try home.store()
        #expect(try store.integrityCheck() == "ok")
        let trace = try #require(try store.traces(TraceFilter()).first)
        #expect(trace.status == "interrupted" && trace.tokens >= 20 && trace.runs == 3)
        let listed = try await home.run(["runs", "--status", "interrupted", "--json"])
        #expect(try JSONParser.parse(listed.stdout).arrayValue?.count == 1)
        let shown = try await home.run(["show", "last", "--no-tui"])
        #expect(shown.stderr.contains("interrupted (the process writing it stopped)"))
        #expect(shown.stdout.contains("GenericFakeChatModel"))
        let exported = try await home.run(["export", "last"])
        #expect(exported.stdout.split(separator: "\n").count == trace.events)
    }

    @Test func twoProcessesWritingAtOnceLoseNothing() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        let chain = try Self.slowChain(home, words: 300, delay: 0.001)
        let logs = (0..<2).map { home.directory + "/run\($0).jsonl" }
        let processes = try logs.map { try home.start(["run", chain, "--no-tui", "--events", $0], errors: $0 + ".err") }
        let finished = try await HistoryHome.waitUntil { processes.allSatisfy { !$0.isRunning } }
        #expect(finished)
        let errors = logs.map { (try? String(contentsOfFile: $0 + ".err", encoding: .utf8)) ?? "" }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(errors)")
        let store = try home.store()
        let traces = try store.traces(TraceFilter())
        #expect(traces.count == 2 && traces.allSatisfy { $0.status == "ok" && $0.runs == 3 })
        let written = try logs.map { try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n").count }.sorted()
        #expect(traces.map(\.events).sorted() == written)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aDatabaseThatIsNotRunscopesWarnsOnceAndTheRunCompletes() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.directory, withIntermediateDirectories: true)
        try Data(String(repeating: "hello, not sqlite\n", count: 200).utf8).write(to: URL(fileURLWithPath: home.database))
        let run = try await home.run(["examples/joke.json"])
        #expect(run.status == 0)
        #expect(run.stdout == "Why don't bears wear shoes? Because they have bear feet!\n")
        #expect(run.stderr == "history: \(home.database): not a runscope history database (not an SQLite file); this run is not kept in the history\n")
        let listed = try await home.run(["runs"])
        #expect(listed.status == 2 && listed.stderr == "\(home.database): not a runscope history database (not an SQLite file)\n")
    }

    /// The files' size limit (`ulimit -f`) stands in for a full disk: writes past it fail.
    @Test func aHistoryThatCannotGrowWarnsOnceAndTheRunCompletes() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        #expect(try await home.run(["examples/joke.json"]).status == 0)
        let files = [home.database, home.database + "-wal"]
        let largest = files.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }.max() ?? 0
        let chain = try Self.slowChain(home, words: 3000, delay: 0)
        let run = try await CLI.run(["run", chain, "--no-tui"], environment: home.environment, fileBlocks: (largest + 511) / 512)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("w0 w1 w2") && run.stdout.hasSuffix("w2999\n"))
        #expect(run.stderr.hasPrefix("history: \(home.database): "))
        #expect(run.stderr.split(separator: "\n").count == 1)
        let store = try home.store()
        #expect(try store.integrityCheck() == "ok")
        // The earlier run is still there. The failing run's first batches may have fitted
        // (the WAL reuses its room), and then the warning says so and that much is kept, interrupted.
        let traces = try store.traces(TraceFilter())
        #expect(traces.last?.name == "RunnableSequence" && traces.last?.status == "ok")
        if traces.count == 1 {
            #expect(run.stderr.hasSuffix("; this run is not kept in the history\n"), "\(run.stderr)")
        } else {
            #expect(traces.count == 2 && traces[0].status == "interrupted", "\(traces.map { "\($0.name) \($0.status)" })")
            #expect(run.stderr.contains("; the rest of this run is not kept in the history (the \(traces[0].events) events before it are)"), "\(run.stderr)")
        }
    }

    /// Standard output on a full disk: said once, no crash, the chain runs to its end, exit 1.
    /// (The limit holds for every file, so the history is off here.)
    @Test func standardOutputThatCannotBeWrittenIsSaidOnceAndExits1() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        let chain = try Self.slowChain(home, words: 3000, delay: 0)
        let run = try await CLI.run(["run", chain, "--no-tui", "--no-history"], environment: home.environment, fileBlocks: 8)
        #expect(run.status == 1)
        #expect(run.stdout.utf8.count == 8 * 512)
        #expect(run.stderr == "runscope: standard output: File too large; the output stops here\n")
    }
}
