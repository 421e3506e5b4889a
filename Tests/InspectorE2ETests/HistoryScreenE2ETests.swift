import Foundation
import Testing

/// The history screen and the diff split view on a real terminal (tmux), over a history
/// filled by real headless runs: bare `runscope` lists them, `/` searches, Enter opens one
/// in the inspector and q comes back, `m m d` compares two side by side, q quits.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end tests skipped"))
struct HistoryScreenE2ETests {
    /// A history with the joke (ok) and then a failing chain (newest).
    static func filledHome() throws -> String {
        try #require(FileManager.default.isExecutableFile(atPath: RunscopeCLIE2ETests.binary.path), "run `swift build` first")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-e2e-home-\(UUID())").path
        try HistoryE2ETests.runHeadless("examples/joke.json", home: home)
        try HistoryE2ETests.runHeadless("Tests/InspectorE2ETests/Fixtures/failing-owls.json", home: home)
        return home
    }

    /// Whether the header (the first row) ends with this trace count, e.g. `1 trace`.
    static func counts(_ screen: String, _ count: String) -> Bool {
        screen.split(separator: "\n").first?.hasSuffix(" " + count) == true
    }

    /// The screen rows that carry the selection marker `▸`.
    static func markedRows(_ screen: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter { $0.contains("▸") }
    }

    @Test func bareRunscopeListsSearchesOpensComparesAndQuits() async throws {
        let home = try Self.filledHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try TmuxSession(binary: RunscopeCLIE2ETests.binary, arguments: [], environment: ["RUNSCOPE_HOME": home])
        defer { session.close() }
        let list = try #require(await session.waitFor { $0.contains("history") && $0.contains(" failed ") && $0.contains(" ok ") },
                                "the history screen did not list both runs")
        #expect(list.contains("when") && list.contains("tokens") && Self.counts(list, "2 traces"))
        session.type("/feet")
        session.send("Enter")
        let found = try #require(await session.waitFor { $0.contains("search: feet") && Self.counts($0, "1 trace") }, "search did not narrow")
        #expect(!found.contains(" failed "), "the failing run has no 'feet' in it")
        session.send("Enter")
        try #require(await session.waitFor { $0.contains("show RunnableSequence") && $0.contains("GenericFakeChatModel") && $0.contains("replay ended") },
                     "Enter did not open the trace in the inspector")
        session.send("q")
        try #require(await session.waitFor { $0.contains("search: feet") && Self.counts($0, "1 trace") }, "q did not come back to the list")
        session.send("Escape")
        try #require(await session.waitFor { $0.contains(" failed ") && Self.counts($0, "2 traces") }, "Esc did not clear the search")
        session.send("m")
        session.send("Down")
        session.send("m")
        try #require(await session.waitFor { $0.contains("Marked B") }, "the second mark did not take")
        session.send("d")
        let diff = try #require(await session.waitFor { $0.contains("rows differ") && $0.contains("explode") }, "d did not open the diff")
        let first = Self.markedRows(diff)
        #expect(first.count == 1 && first[0].components(separatedBy: "▸").count == 3, "one row, marked on both sides: \(first)")
        session.send("Down")
        let moved = try #require(await session.waitFor { screen in
            let rows = Self.markedRows(screen)
            return rows.count == 1 && rows != first && rows[0].components(separatedBy: "▸").count == 3
        }, "moving did not move both sides")
        #expect(Self.markedRows(moved)[0].components(separatedBy: "ChatPromptTemplate").count == 3, "the second row pairs the prompts")
        session.send("q")
        try #require(await session.waitFor { Self.counts($0, "2 traces") && !$0.contains("rows differ") }, "q did not leave the diff")
        session.send("q")
        #expect(await session.exitStatus() == 0)
        #expect(session.format("#{alternate_on}") == "0")
        let modes = try #require(session.terminalModes())
        #expect(modes.before == modes.after)
    }

    /// The screen row (from 0) of the first line holding `text`.
    static func row(of text: String, in screen: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }
    }

    /// Clicks select, a click on the selected trace opens it, a click on the mark column
    /// marks, the wheel moves: sent as the SGR 1006 reports a terminal sends.
    @Test func theMouseSelectsOpensMarksAndMoves() async throws {
        let home = try Self.filledHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try TmuxSession(binary: RunscopeCLIE2ETests.binary, arguments: [], environment: ["RUNSCOPE_HOME": home])
        defer { session.close() }
        let list = try #require(await session.waitFor { $0.contains(" failed ") && $0.contains(" ok ") }, "the history screen did not list both runs")
        #expect(session.format("#{mouse_sgr_flag}") == "1", "SGR mouse reporting is not on")
        let joke = try #require(Self.row(of: " ok ", in: list))
        let failing = try #require(Self.row(of: " failed ", in: list))
        #expect(failing < joke, "newest first")
        session.sendBytes(InspectorE2ETests.mouseBytes(0, x: 20, y: joke))
        session.sendBytes(InspectorE2ETests.mouseBytes(0, x: 20, y: joke))
        let opened = try #require(await session.waitFor { $0.contains("show RunnableSequence") && $0.contains("replay ended") },
                                  "clicking the joke twice did not open it: \(session.capture())")
        #expect(!opened.contains("explode"), "the click opened the failing run, not the one under it")
        session.send("q")
        try #require(await session.waitFor { Self.counts($0, "2 traces") && !$0.contains("replay ended") }, "q did not come back")
        session.sendBytes(InspectorE2ETests.mouseBytes(64, x: 20, y: joke))  // the wheel up: back to the newest
        session.send("Enter")
        try #require(await session.waitFor { $0.contains("explode") && $0.contains("replay ended") },
                     "the wheel up then Enter did not open the failing run: \(session.capture())")
        session.send("q")
        try #require(await session.waitFor { Self.counts($0, "2 traces") && !$0.contains("replay ended") }, "q did not come back")
        session.sendBytes(InspectorE2ETests.mouseBytes(0, x: 0, y: joke))
        // Waits for the whole frame: tmux may show the header's "marked:" before the row below it.
        let marked = await session.waitFor { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("marked: ") && lines.count > joke && lines[joke].hasPrefix("A ")
        }
        #expect(marked != nil, "a click on the mark column did not mark the joke row: \(session.capture())")
        session.send("q")
        #expect(await session.exitStatus() == 0)
        #expect(session.format("#{mouse_sgr_flag}") == "0", "mouse reporting was left on")
    }

    @Test func diffOnATerminalOpensTheSplitView() async throws {
        let home = try Self.filledHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try TmuxSession(binary: RunscopeCLIE2ETests.binary, arguments: ["diff", "last~1", "last"], environment: ["RUNSCOPE_HOME": home])
        defer { session.close() }
        let screen = try #require(await session.waitFor { $0.contains("rows differ") }, "the split view did not open")
        #expect(screen.contains("GenericFakeChatModel") && screen.contains("only B") && screen.contains("╌"))
        session.send("q")
        #expect(await session.exitStatus() == 0)
        #expect(session.format("#{alternate_on}") == "0")
    }

    @Test func hInTheInspectorOfShowOpensTheHistoryAndQComesBack() async throws {
        let home = try Self.filledHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try TmuxSession(binary: RunscopeCLIE2ETests.binary, arguments: ["show", "last"], environment: ["RUNSCOPE_HOME": home])
        defer { session.close() }
        try #require(await session.waitFor { $0.contains("explode") && $0.contains("replay ended") }, "show did not open")
        session.send("H")
        try #require(await session.waitFor { $0.contains("history") && Self.counts($0, "2 traces") }, "H did not open the history")
        session.send("q")
        try #require(await session.waitFor { $0.contains("explode") && $0.contains("replay ended") && !Self.counts($0, "2 traces") },
                     "q did not return to the inspector")
        session.send("q")
        #expect(await session.exitStatus() == 1, "show exits as before: 1 for a failed trace")
        #expect(session.format("#{alternate_on}") == "0")
    }
}

/// `H` while a chain streams: the history over the live inspector, and back to the run still going.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end tests skipped"))
struct HistoryOverRunningChainE2ETests {
    @Test func hWhileAChainRunsShowsItRunningAndQComesBackToTheLiveRun() async throws {
        let home = try HistoryScreenE2ETests.filledHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        // A stream of some 110 s, cancelled at the end: under CI's load at the start of a run
        // a 10 s stream once ended before the history screen had drawn it as running.
        let chain = RunscopeCLIE2ETests.path("Tests/InspectorE2ETests/Fixtures/endless-stream.json")
        let session = try TmuxSession(binary: RunscopeCLIE2ETests.binary, arguments: [chain], environment: ["RUNSCOPE_HOME": home])
        defer { session.close() }
        try #require(await session.waitFor { RunscopeCLIE2ETests.tokens($0) > 2 }, "no tokens appeared")
        session.send("H")
        let listed = await session.waitFor { $0.contains(" running ") && HistoryScreenE2ETests.counts($0, "3 traces") }
        try #require(listed != nil, "the history did not list the running chain; the screen:\n\(session.capture())")
        session.send("q")
        let back = try #require(await session.waitFor { $0.contains("GenericFakeChatModel") && RunscopeCLIE2ETests.tokens($0) > 0 },
                                "q did not come back to the inspector")
        try #require(await session.waitFor { RunscopeCLIE2ETests.tokens($0) > RunscopeCLIE2ETests.tokens(back) }, "the run stopped")
        session.send("C-c")
        session.send("C-c")
        #expect(await session.exitStatus() != nil)
        #expect(session.format("#{alternate_on}") == "0")
    }
}
