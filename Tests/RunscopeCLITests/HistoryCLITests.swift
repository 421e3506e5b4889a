import Foundation
import RunscopeCore
import RunscopeHistory
import Testing

/// The history from the command line: every run kept, listed, shown, exported,
/// imported, compared and collected; faults never fail the run.
@Suite(.serialized) struct HistoryCLITests {
    static func json(_ text: String) throws -> [Value] {
        try JSONParser.parse(text).arrayValue ?? []
    }

    static func timeless(_ text: String) throws -> [Value] {
        try text.split(separator: "\n").map { line in
            guard case .object(var object) = try JSONParser.parse(String(line)) else { return .null }
            object["time"] = nil
            return .object(object)
        }
    }

    @Test func aRunIsKeptListedAndExportedAsItsEventLog() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        let log = home.directory + "-events.jsonl"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let run = try await home.run(["run", "examples/joke.json", "--no-tui", "--events", log])
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        let listed = try await home.run(["runs", "--json"])
        let traces = try Self.json(listed.stdout)
        #expect(traces.count == 1)
        #expect(traces.first?["name"] == "RunnableSequence" && traces.first?["status"] == "ok" && traces.first?["runs"] == 4)
        #expect(traces.first?["tokens"]?.intValue ?? 0 > 10 && traces.first?["cost_usd"] == .null)
        let exported = try await home.run(["export", "last"])
        #expect(exported.status == 0)
        let written = try String(contentsOfFile: log, encoding: .utf8)
        #expect(try Self.timeless(exported.stdout) == Self.timeless(written))
        let table = try await home.run(["runs"])
        #expect(table.stdout.split(separator: "\n").first?.hasPrefix("when") == true)
        #expect(table.stdout.contains("RunnableSequence") && table.stdout.contains(traces.first?["id"]?.stringValue ?? "?"))
    }

    @Test func showPrintsTheSummaryAsReplayDoes() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        let log = home.directory + "-record.jsonl"
        defer { try? FileManager.default.removeItem(atPath: log) }
        _ = try await home.run(["run", "examples/tools.json", "--no-tui", "--record", log])
        let shown = try await home.run(["show", "last", "--no-tui"])
        let replayed = try await home.run(["replay", log, "--no-tui", "--summary", "--no-history"])
        #expect(shown.status == 0)
        #expect(Self.withoutDurations(shown.stdout) == Self.withoutDurations(replayed.stdout))
        #expect(shown.stdout.contains("calculator"))
        let console = try await home.run(["show", "last", "--no-tui", "--console"])
        #expect(console.stdout.contains("[tool/start]"))
    }

    /// The table with each duration as `T` and runs of spaces as one: the history and the
    /// --record log each stamp their own times, so a duration may be 9.9ms in one and 10ms
    /// in the other, and its column one space wider (CI saw that once).
    static func withoutDurations(_ table: String) -> String {
        table.replacingOccurrences(of: #"\d+(\.\d+)?(ms|s)\+?"#, with: "T", options: .regularExpression)
            .replacingOccurrences(of: " +", with: " ", options: .regularExpression)
    }

    @Test func noHistoryAndTheEnvironmentTurnItOff() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        #expect(try await home.run(["examples/joke.json", "--no-history"]).status == 0)
        #expect(try await home.run(["examples/joke.json"], environment: ["RUNSCOPE_HISTORY": "off"]).status == 0)
        let kept = FileManager.default.fileExists(atPath: home.database) ? try home.store().traces(TraceFilter()).count : 0
        #expect(kept == 0)
        _ = try await home.run(["examples/joke.json"])
        #expect(try home.store().traces(TraceFilter()).count == 1)
    }

    @Test func importTakesEventLogsOnceAndExportGivesThemBack() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        let fixture = "Tests/RunscopeReplayTests/Fixtures/damaged/good.jsonl"
        let first = try await home.run(["import", fixture])
        #expect(first.status == 0 && first.stderr.hasPrefix("\(fixture): imported 1 trace"), "\(first.stderr)")
        let again = try await home.run(["import", fixture])
        #expect(again.stderr.hasPrefix("\(fixture): imported 0 traces, 1 already in the history"))
        let exported = try await home.run(["export", "last"])
        let original = try String(contentsOf: CLI.root.appendingPathComponent(fixture), encoding: .utf8)
        #expect(exported.stdout == original.split(separator: "\n").map { $0 + "\n" }.joined(), "imported lines are kept verbatim")
        let missing = try await home.run(["import", "no/such.jsonl"])
        #expect(missing.status == 2 && missing.stderr == "no/such.jsonl: cannot read the file (no such file)\n")
    }

    @Test func aBadReferenceSaysWhatMatched() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        let none = try await home.run(["show", "last", "--no-tui"])
        #expect(none.status == 2 && none.stderr == "'last': the history has 0 traces\n")
        _ = try await home.run(["examples/joke.json"])
        _ = try await home.run(["examples/joke.json"])
        let ambiguous = try await home.run(["export", "0"])
        #expect(ambiguous.status == 2 && ambiguous.stderr.hasPrefix("'0': matches 2 traces: "))
        let unknown = try await home.run(["diff", "last", "abc"])
        #expect(unknown.status == 2 && unknown.stderr == "'abc': no trace in the history matches (see runscope runs)\n")
    }

    @Test func diffComparesTwoInputsRowByRow() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        let chain = try home.chain(#"{"chain": [{"prompt": "Tell me about {animal}"}, {"model": "scripted", "responses": ["{animal} are great"], "token_delay": 0}, {"parser": "str"}]}"#)
        _ = try await home.run([chain, "--input", "animal=owls"])
        let other = try home.chain(#"{"chain": [{"prompt": "Tell me about {animal}"}, {"model": "scripted", "responses": ["cats sleep a lot"], "token_delay": 0}, {"parser": "str"}, {"passthrough": true}]}"#)
        _ = try await home.run([other, "--input", "animal=cats"])
        let diff = try await home.run(["diff", "last~1", "last", "--json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let rows = try JSONParser.parse(diff.stdout)["rows"]?.arrayValue ?? []
        #expect(rows.count == 5)
        #expect(rows.first?["name"] == "RunnableSequence" && rows.first?["match"] == "both")
        let model = try #require(rows.first { $0["name"] == "GenericFakeChatModel" })
        #expect(model["match"] == "both" && model["output_diff"] != nil)
        #expect(rows.last?["match"] == "only_b" && rows.last?["name"] == "RunnablePassthrough")
        let table = try await home.run(["diff", "last~1", "last"])
        #expect(table.stdout.contains("changed outputs"))
    }

    @Test func gcKeepsTheNewest() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        for _ in 0..<3 { _ = try await home.run(["examples/joke.json"]) }
        let newest = try home.store().resolve("last").id
        let gc = try await home.run(["gc", "--keep", "1"])
        #expect(gc.status == 0 && gc.stdout.hasPrefix("deleted 2 traces (8 runs)"))
        #expect(try home.store().traces(TraceFilter()).map(\.id) == [newest])
        #expect(try await home.run(["gc"]).status != 0, "one of --older-than or --keep")
    }
}

/// The history screen's entry points without a terminal: today's behaviour stays.
@Suite struct HistoryScreenHeadlessTests {
    @Test func bareRunscopeWithoutATerminalPrintsTheUsageAsBefore() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        let bare = try await home.run([])
        #expect(bare.status == 64 && bare.stderr.contains("Missing expected argument '<chain-file>'"))
        #expect(bare.stderr.contains("runscope                     (on a terminal: the history screen)"))
        let history = try await home.run(["history"])
        #expect(history.status == 2)
        #expect(history.stderr == "runscope history: needs a terminal; runscope runs lists the history as text\n")
    }

    @Test func diffWithoutATerminalStillPrintsTheTable() async throws {
        let home = HistoryHome()
        defer { home.remove() }
        _ = try await home.run(["examples/joke.json"])
        _ = try await home.run(["examples/joke.json", "--input", "animal=owls"])
        let table = try await home.run(["diff", "last~1", "last", "--no-tui"])
        #expect(table.status == 0 && table.stdout.hasPrefix("A  ") && table.stdout.contains("changed outputs"))
    }
}
