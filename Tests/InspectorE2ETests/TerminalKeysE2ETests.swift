import Foundation
import Testing

/// Keys whose sequences terminfo lacks (Home and End as `ESC [1~`, `ESC [H`,
/// `ESC OH`, ...) under the TERMs people run in tmux and screen, sent as raw bytes
/// to the real `inspector-demo`, singly and in bursts with the key after them,
/// which must never be lost. The selected run's name is the pane's title.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end tests skipped"))
struct TerminalKeysE2ETests {
    /// The demo's rows (its 15 runs, all expanded), by position: names repeat
    /// (three RunnableSequence, three ChatPromptTemplate), positions do not.
    static let first = 1, parallel = 2, jokePrompt = 4, jokeModel = 5, summary = 14, last = 15
    static let homes = ["1b 5b 31 7e", "1b 5b 37 7e", "1b 5b 48", "1b 4f 48"]
    static let ends = ["1b 5b 34 7e", "1b 5b 38 7e", "1b 5b 46", "1b 4f 46"]

    /// The selected row, from the run tree's title (`Runs (15) · 4/15`).
    static func selected(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").dropFirst().first,
              let match = line.firstMatch(of: /Runs \([0-9,]+\)[^─]* · ([0-9,]+)\/[0-9,]+/) else { return nil }
        return Int(match.1.filter(\.isNumber))
    }

    func launch(term: String) async throws -> TmuxSession {
        let program = try #require(ProgramUnderTest.locate(), "inspector-demo not found: run `swift build` first")
        let session = try TmuxSession(binary: program.binary, arguments: program.arguments + ["--delay", "0.001"],
                                      width: 120, height: 40, environment: ["TERM": term])
        _ = try #require(await session.waitFor("✓ finished"), "the demo did not finish under TERM=\(term)")
        return session
    }

    /// Waits until row `row` is selected; on failure says what the screen showed.
    func expectRow(_ session: TmuxSession, _ row: Int, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        let screen = await session.waitFor(timeout: 15) { Self.selected($0) == row }
        guard screen == nil else { return }
        let now = session.capture()
        Issue.record("\(what) should select row \(row), selected \(Self.selected(now).map(String.init) ?? "-"); the screen:\n\(now)",
                     sourceLocation: sourceLocation)
    }

    /// Sends raw `bytes` and waits until row `row` is selected.
    func expectSelection(_ session: TmuxSession, _ bytes: String, _ row: Int, _ term: String,
                         sourceLocation: SourceLocation = #_sourceLocation) async {
        session.sendBytes(bytes)
        await expectRow(session, row, "TERM=\(term): \(bytes)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["xterm-256color", "tmux-256color", "screen-256color"])
    func homeAndEndInEverySpellingAndTheKeyAfterThem(term: String) async throws {
        let session = try await launch(term: term)
        defer { session.close() }
        for (home, end) in zip(Self.homes, Self.ends) {
            await expectSelection(session, home, Self.first, term)
            await expectSelection(session, end, Self.last, term)
        }
        // Bursts: the key right after a sequence is kept (j moves down from the first run, k up from the last).
        await expectSelection(session, Self.homes[0] + " 6a", Self.parallel, term)
        await expectSelection(session, Self.ends[0] + " 6b", Self.summary, term)
        await expectSelection(session, Self.homes[2] + " 6a " + Self.ends[3] + " 6b " + Self.homes[3], Self.first, term)
        // The keys as tmux itself sends them for its Home and End.
        session.send("End")
        await expectRow(session, Self.last, "TERM=\(term): tmux's End")
        session.send("Home")
        await expectRow(session, Self.first, "TERM=\(term): tmux's Home")
        // Arrows and pages in one burst, as tmux sends them, and in their SS3 and CSI spellings.
        session.send("Down", "Down", "Down", "Down", "Up")
        await expectRow(session, Self.jokePrompt, "TERM=\(term): an arrow burst")
        await expectSelection(session, "1b 4f 41 1b 5b 42 1b 4f 42", Self.jokeModel, term)
        session.send("NPage")
        await expectRow(session, Self.last, "TERM=\(term): PgDn")
        await expectSelection(session, "1b 5b 35 7e", Self.first, term)
        // A sequence nobody names is read as one key: its digits do not pick a tab, the j after it moves.
        session.sendBytes("1b 5b 39 39 7e 6a")
        let moved = await session.waitFor(timeout: 15) { Self.selected($0) == Self.parallel && $0.contains("1 Stream") }
        #expect(moved != nil, "TERM=\(term): ESC [99~ j should move down one run and keep the tab")
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func escapeStillCancelsASearch() async throws {
        let session = try await launch(term: "xterm-256color")
        defer { session.close() }
        session.type("/Poem")
        _ = try #require(await session.waitFor("Enter done · Esc cancel"))
        session.sendBytes("1b")
        _ = try #require(await session.waitFor(timeout: 15) { !$0.contains("Enter done · Esc cancel") }, "Esc did not close the search")
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }
}
