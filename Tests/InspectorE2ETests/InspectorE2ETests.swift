import Foundation
import Testing
import TerminalUI

/// The real inspector binary in a real terminal (tmux): streaming, keys,
/// resize, safety, exit status and terminal restoration. Each test starts its
/// own tmux server and kills it at the end; waits poll the screen with a timeout.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end tests skipped"))
struct InspectorE2ETests {
    func program() throws -> ProgramUnderTest {
        try #require(ProgramUnderTest.locate(), "inspector-demo not found: run `swift build` first (or set RUNSCOPE_E2E_BINARY)")
    }

    /// The total token count in the header.
    static func headerTokens(_ screen: String) -> Int? {
        guard let header = screen.split(separator: "\n").first else { return nil }
        let words = header.split(separator: " ")
        guard let index = words.firstIndex(of: "tok"), index > 0 else { return nil }
        return Int(words[index - 1].replacingOccurrences(of: ",", with: ""))
    }

    @Test func tokensStreamAndTheScreenGrows() async throws {
        // Answers ten times as long (1,390 tokens, some 35 s): under load the first screen seen
        // came when the 139-token demo had 138, so it could not be seen growing.
        let session = try program().launch(["--delay", "0.05", "--repeat", "10"])
        defer { session.close() }
        let first = try #require(await session.waitFor { (Self.headerTokens($0) ?? 0) > 0 && $0.contains("TTFT") }, "no tokens appeared")
        let firstCount = try #require(Self.headerTokens(first))
        #expect(!first.contains("✓ finished"), "the chain had ended before its first tokens were seen")
        let later = try #require(await session.waitFor(timeout: 30) { (Self.headerTokens($0) ?? 0) > firstCount + 5 },
                                 "the token count did not grow from \(firstCount); the screen:\n\(session.capture())")
        #expect(later != first)
        #expect(session.format("#{alternate_on}") == "1")
        #expect(later.contains("JokeModel") && later.contains("PoemModel"))
    }

    @Test func keysMoveCollapseExpandSwitchTabsSearchAndQuit() async throws {
        let session = try program().launch(["--delay", "0.02"])
        defer { session.close() }
        try #require(await session.waitFor("✓ finished", timeout: 20) != nil, "the chain did not finish")
        session.send("g")
        try #require(await session.waitFor("Follow mode off") != nil)
        session.send("Left")
        let collapsed = await session.waitFor { $0.contains("▸ ✓ chain  RunnableSequence") && $0.contains("+14") && !$0.contains("✓ model  JokeModel") }
        try #require(collapsed != nil, "the root did not collapse: \(session.capture())")
        session.send("Right")
        try #require(await session.waitFor("▾ ✓ chain  RunnableSequence") != nil, "the root did not expand")
        session.send("j", "Down")
        try #require(await session.waitFor("RunnableSequence ─") != nil)
        session.send("Tab", "2")
        try #require(await session.waitFor("\"topic\": \"terminals\"") != nil, "the Input tab did not show the input")
        session.send("Tab", "1")
        session.send("/")
        session.type("PoemM")
        session.send("Enter")
        let found = try #require(await session.waitFor { $0.contains("╭ PoemModel") && $0.contains("1 run matches") },
                                 "search did not select PoemModel")
        #expect(found.contains("PoemModel"))
        session.send("?")
        try #require(await session.waitFor("╭ Keys") != nil, "help did not open")
        session.send("x")
        try #require(await session.waitFor { !$0.contains("╭ Keys") } != nil, "help did not close")
        session.send("q")
        #expect(await session.exitStatus() == 0)
        let modes = try #require(session.terminalModes())
        #expect(modes.before == modes.after)
        #expect(session.format("#{alternate_on}") == "0")
    }

    @Test func resizeRelaysOutAndTinyWindowsShowANotice() async throws {
        let session = try program().launch(["--delay", "0.02"])
        defer { session.close() }
        try #require(await session.waitFor("1 Stream") != nil)
        session.resize(width: 80, height: 24)
        let small = await session.waitFor { screen in
            let lines = screen.split(separator: "\n")
            return screen.contains(" Stream │ In │ Out │") && !screen.contains("1 Stream")
                && lines.contains { $0.hasPrefix("└") && DisplayWidth.of($0) == 80 }
                && lines.allSatisfy { DisplayWidth.of($0) <= 80 }
        }
        #expect(small != nil, "no relayout at 80x24: \(session.capture())")
        session.resize(width: 30, height: 8)
        try #require(await session.waitFor("Terminal too small") != nil, "no notice at 30x8")
        session.resize(width: 120, height: 40)
        try #require(await session.waitFor("1 Stream") != nil, "no relayout back at 120x40")
        session.send("q")
        session.send("y")
        #expect(await session.exitStatus() != nil)
    }

    @Test func quitWhileRunningAsksAndCancels() async throws {
        let session = try program().launch(["--delay", "0.2"])
        defer { session.close() }
        try #require(await session.waitFor("TTFT") != nil)
        session.send("q")
        try #require(await session.waitFor("Quit and cancel it?") != nil, "q did not ask while running")
        session.send("n")
        try #require(await session.waitFor { !$0.contains("Quit and cancel it?") } != nil)
        session.send("q")
        session.send("y")
        #expect(await session.exitStatus() == 1)
        let modes = try #require(session.terminalModes())
        #expect(modes.before == modes.after)
    }

    @Test func ctrlCCancelsTheChainThenQuits() async throws {
        let session = try program().launch(["--delay", "0.2"])
        defer { session.close() }
        try #require(await session.waitFor("TTFT") != nil)
        session.send("C-c")
        let cancelled = await session.waitFor { $0.contains("⊘ cancelled") && $0.contains("⊘ model") }
        #expect(cancelled != nil, "Ctrl-C did not cancel the chain: \(session.capture())")
        session.send("C-c")
        #expect(await session.exitStatus() == 1)
        #expect(session.terminalModes().map { $0.before == $0.after } == true)
    }

    @Test func aFailingChainIsMarkedAndExitsWithStatusOne() async throws {
        let session = try program().launch(["--delay", "0.01", "--fail"])
        defer { session.close() }
        let screen = await session.waitFor(timeout: 20) { $0.contains("✗ failed") && $0.contains("✗ chain  check") && $0.contains("ValueError") }
        #expect(screen != nil, "the failure is not shown (failed step marked, error tab): \(session.capture())")
        session.send("q")
        #expect(await session.exitStatus() == 1)
    }

    /// An SGR 1006 mouse report as the bytes a terminal sends: `ESC [ < b ; x ; y M` (1-based cells).
    static func mouseBytes(_ code: Int, x: Int, y: Int, release: Bool = false) -> String {
        let text = "\u{1B}[<\(code);\(x + 1);\(y + 1)" + (release ? "m" : "M")
        return text.utf8.map { String(format: "%02x", $0) }.joined(separator: " ")
    }

    /// The first place of `text` on the screen left of column `until` (the tree is 54 columns wide at 120).
    static func place(of text: String, in screen: String, until: Int) -> (x: Int, y: Int)? {
        for (y, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: text) else { continue }
            let x = DisplayWidth.of(String(line[..<range.lowerBound]))
            if x < until { return (x, y) }
        }
        return nil
    }

    /// Under each TERM: xterm-256color's terminfo names `ESC [<` its mouse key, which ncurses
    /// would take for its own; the others name the older `ESC [M`.
    @Test(arguments: ["xterm-256color", "tmux-256color", "screen-256color"])
    func theMouseClicksRowsAndTabsAndTheWheelScrolls(term: String) async throws {
        let program = try program()
        let session = try TmuxSession(binary: program.binary, arguments: program.arguments + ["--delay", "0.01"],
                                      width: 120, height: 40, environment: ["TERM": term])
        defer { session.close() }
        try #require(await session.waitFor("✓ finished", timeout: 20) != nil, "the chain did not finish")
        #expect(session.format("#{mouse_sgr_flag}") == "1", "SGR mouse reporting is not on")
        session.send("g")
        let screen = try #require(await session.waitFor("Follow mode off"))
        let poem = try #require(Self.place(of: "PoemModel", in: screen, until: 54), "\(screen)")
        session.sendBytes(Self.mouseBytes(0, x: poem.x + 2, y: poem.y))
        session.sendBytes(Self.mouseBytes(0, x: poem.x + 2, y: poem.y, release: true))
        let selected = try #require(await session.waitFor("╭ PoemModel"), "a click did not select the row: \(session.capture())")
        let output = try #require(Self.place(of: "Output", in: selected, until: 120), "\(selected)")
        session.sendBytes(Self.mouseBytes(0, x: output.x + 1, y: output.y))
        let tab = await session.waitFor { $0.contains("╭ PoemModel") && !$0.contains("TTFT") }  // TTFT is the Stream tab's summary
        #expect(tab != nil, "a click on the tab did not pick Output: \(session.capture())")
        session.sendBytes(Self.mouseBytes(65, x: 5, y: poem.y))
        let moved = await session.waitFor { !$0.contains("╭ PoemModel") }
        #expect(moved != nil, "the wheel over the tree did not move the selection: \(session.capture())")
        session.send("q")
        #expect(await session.exitStatus() == 0)
        #expect(session.format("#{mouse_sgr_flag}") == "0", "mouse reporting was left on")
        #expect(session.format("#{mouse_standard_flag}") == "0")
    }

    @Test func noMouseLeavesTheMouseToTheTerminal() async throws {
        let session = try program().launch(["--delay", "0.01", "--no-mouse"])
        defer { session.close() }
        try #require(await session.waitFor("✓ finished", timeout: 20) != nil)
        #expect(session.format("#{mouse_sgr_flag}") == "0")
        #expect(session.format("#{mouse_standard_flag}") == "0")
        session.send("q")
        #expect(await session.exitStatus() == 0)
    }

    @Test func exitOnFinishQuitsByItself() async throws {
        let session = try program().launch(["--delay", "0.01", "--exit-on-finish"])
        defer { session.close() }
        #expect(await session.exitStatus(timeout: 20) == 0)
        #expect(session.terminalModes().map { $0.before == $0.after } == true)
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        let session = try program().launch(["--delay", "0.2"])
        defer { session.close() }
        try #require(await session.waitFor("TTFT") != nil)
        let pid = try #require(session.programPid(), "could not find the program's pid")
        kill(pid, SIGTERM)
        #expect(await session.exitStatus() == 143)
        #expect(session.terminalModes().map { $0.before == $0.after } == true)
        #expect(session.format("#{alternate_on}") == "0")
    }

    @Test func cjkTextKeepsTheBordersInPlace() async throws {
        let session = try program().launch(["--delay", "0.01", "--cjk"])
        defer { session.close() }
        try #require(await session.waitFor("✓ finished", timeout: 20) != nil, "the chain did not finish")
        session.send("/")
        session.type("PoemModel")
        session.send("Enter")
        let screen = try #require(await session.waitFor { $0.contains("終端の光") && $0.contains("╭ PoemModel") }, "the CJK answer did not appear")
        for line in screen.split(separator: "\n").dropFirst().dropLast() where line.hasPrefix("│") {
            #expect(DisplayWidth.of(line) == 120, "misaligned: \(line)")
            #expect(line.hasSuffix("│"))
        }
        session.send("q", "y")
        #expect(await session.exitStatus() != nil)
    }

    @Test func escapeSequencesInOutputAreShownNotObeyed() async throws {
        let session = try program().launch(["--delay", "0.01", "--inject"])
        defer { session.close() }
        try #require(await session.waitFor("✓ finished", timeout: 20) != nil, "the chain did not finish")
        session.send("/")
        session.type("JokeModel")
        session.send("Enter")
        let screen = await session.waitFor { $0.contains("␛[31mred") && $0.contains("combine␛[2J␛[31m") }
        #expect(screen != nil, "the escape sequences were not shown visibly: \(session.capture())")
        #expect(session.format("#{pane_title}") == "runscope:drawn", "only the test's frame marks set the title")
        #expect(session.capture().contains("runscope"))
        session.send("q", "y")
        #expect(await session.exitStatus() != nil)
    }

    /// Launches the demo with tmux keeping OSC 52 as its paste buffer, waits for the end,
    /// selects JokeModel and presses `y`; returns once the status line says it copied.
    func copyJokeModel(_ flags: [String]) async throws -> TmuxSession {
        let session = try program().launch(flags)
        session.setOption("set-clipboard", "on")
        try #require(await session.waitFor("✓ finished", timeout: 20) != nil, "the chain did not finish")
        session.send("/")
        session.type("JokeModel")
        session.send("Enter")
        try #require(await session.waitFor { $0.contains("╭ JokeModel") } != nil, "search did not select JokeModel")
        session.send("y")
        try #require(await session.waitFor("Copied Stream of JokeModel") != nil, "no copy notice: \(session.capture())")
        return session
    }

    /// `y` hands the selected run's streamed text to the clipboard with OSC 52 (tmux, with
    /// `set-clipboard on`, keeps it as its paste buffer), and `w` writes the root's subtree
    /// as JSON to a file in the current directory, named in the status line.
    @Test func yCopiesThePaneAndWWritesTheSubtree() async throws {
        let session = try await copyJokeModel(["--delay", "0.01"])
        defer { session.close() }
        let joke = "Why do terminals never get lost? Because they always follow the cursor. "
            + "And when they do lose their way, they just ask for a new line."
        #expect(session.pasteBuffer() == joke)

        session.send("g")
        session.send("w")
        try #require(await session.waitFor("Wrote RunnableSequence (15 runs) to") != nil, "no write notice: \(session.capture())")
        let written = try FileManager.default.contentsOfDirectory(atPath: session.scratch.path).filter { $0.hasPrefix("runscope-") }
        try #require(written.count == 1, "files: \(written)")
        let data = try Data(contentsOf: session.scratch.appendingPathComponent(written[0]))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["name"] as? String == "RunnableSequence" && root["status"] as? String == "ok")
        #expect(root["parent_run_id"] is NSNull)
        func runs(_ run: [String: Any]) -> [[String: Any]] {
            [run] + ((run["children"] as? [[String: Any]]) ?? []).flatMap(runs)
        }
        let all = runs(root)
        #expect(all.count == 15)
        let model = try #require(all.first { $0["name"] as? String == "JokeModel" })
        #expect(model["streamed_text"] as? String == joke)
        #expect((model["streamed_tokens"] as? Int ?? 0) > 10)
        let parentsMatch = all.allSatisfy { run in
            (run["children"] as? [[String: Any]] ?? []).allSatisfy { $0["parent_run_id"] as? String == run["id"] as? String }
        }
        #expect(parentsMatch, "every child names its parent")
        session.send("w")
        try #require(await session.waitFor { $0.contains("-2.json") } != nil, "a second write did not take a new name: \(session.capture())")
        session.send("q", "y")
        #expect(await session.exitStatus() != nil)
    }

    /// What `y` copies is what the pane shows: escape sequences in a model's text arrive as
    /// visible symbols, never as escapes a paste would replay.
    @Test func copiedTextCarriesNoEscapeSequences() async throws {
        let session = try await copyJokeModel(["--delay", "0.01", "--inject"])
        defer { session.close() }
        let buffer = try #require(session.pasteBuffer())
        #expect(buffer.contains("␛[31mred text␛[0m"))
        #expect(!buffer.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        session.send("q", "y")
        #expect(await session.exitStatus() != nil)
    }
}
