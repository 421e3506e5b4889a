import Foundation
import RunscopeCore
import RunscopeHistory
import Testing

/// `RunDiff` over runs as the history stores them, and its table and JSON.
@Suite struct RunDiffTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func run(_ id: String, _ parent: String?, _ position: Int, _ name: String, type: String = "chain",
                    ms: Double, status: String = "ok", output: String? = nil, tokens: Int? = nil) -> StoredRun {
        StoredRun(id: id, parentId: parent, position: position, name: name, runType: type, status: status, start: t0,
                  end: t0.addingTimeInterval(ms / 1000), outputText: output, tokens: tokens)
    }

    static func trace(_ id: String) -> TraceSummary {
        TraceSummary(id: id, name: "agent", status: "ok", start: t0, durationMs: 100, runs: 3, tokens: 0, source: "run", events: 9)
    }

    static let a = [
        run("a1", nil, 1, "agent", ms: 1000), run("a2", "a1", 2, "model", type: "chat_model", ms: 400, output: "call the calculator", tokens: 3),
        run("a3", "a1", 3, "calculator", type: "tool", ms: 10, output: "126"),
    ]
    static let b = [
        run("b1", nil, 1, "agent", ms: 1500), run("b2", "b1", 2, "model", type: "chat_model", ms: 500, output: "call the search", tokens: 3),
        run("b3", "b1", 3, "calculator", type: "tool", ms: 12, status: "failed"), run("b4", "b1", 4, "search", type: "tool", ms: 30),
    ]

    @Test func rowsPairChangedOutputsAndMarkExtraSteps() {
        let diff = RunDiff(a: Self.trace("A"), runsA: Self.a, b: Self.trace("B"), runsB: Self.b)
        #expect(diff.rows.map(\.match) == ["both", "both", "both", "only_b"])
        #expect(diff.rows.map(\.depth) == [0, 1, 1, 1])
        #expect(diff.rows[1].outputDiff.map(WordDiff.plain) == "call the [-calculator-]{+search+}")
        #expect(diff.rows[2].outputDiff == nil, "no output on B's side: nothing to diff")
        #expect(diff.changedRows == 3)
    }

    @Test func theTableShowsBothSidesAndTheChange() {
        let table = DiffFormat.table(RunDiff(a: Self.trace("A"), runsA: Self.a, b: Self.trace("B"), runsB: Self.b))
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("A  A  agent") && lines[1].hasPrefix("B  B  agent"))
        #expect(lines[3].hasPrefix("run") && lines[3].contains("status A/B"))
        #expect(lines[4].contains("agent") && lines[4].contains("1.00s") && lines[4].contains("1.50s") && lines[4].contains("+500ms"))
        #expect(lines[6].contains("ok / failed"))
        #expect(lines[7].contains("search") && lines[7].contains("only in B"))
        #expect(table.contains("2. model: call the [-calculator-]{+search+}"))
    }

    @Test func theJSONHasEveryRowWithBothSides() throws {
        let json = DiffFormat.json(RunDiff(a: Self.trace("A"), runsA: Self.a, b: Self.trace("B"), runsB: Self.b))
        let parsed = try JSONParser.parse(json.jsonString())
        #expect(parsed["a"]?["id"] == "A")
        let rows = try #require(parsed["rows"]?.arrayValue)
        #expect(rows.count == 4)
        #expect(rows[3]["match"] == "only_b" && rows[3]["a"] == .null && rows[3]["b"]?["status"] == "ok")
        #expect(rows[1]["output_diff"]?.arrayValue?.count == 3)
        #expect(rows[0]["a"]?["duration_ms"]?.doubleValue.map { abs($0 - 1000) < 0.01 } == true)
    }
}
