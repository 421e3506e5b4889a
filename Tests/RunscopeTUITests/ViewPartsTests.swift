import Foundation
import RunscopeBenchmarks
import RunscopeCore
import RunscopeInspector
import Testing
import TerminalUI
@testable import NcursesBackend
@testable import RunscopeTUI

/// The pieces behind the screen: caches, formatting, key decoding, outcomes, benchmark smoke runs.
@Suite struct ViewPartsTests {
    @Test func streamCacheWrapsIncrementallyLikeAWholeWrap() {
        var scenario = Scenario(width: 80, height: 24)
        scenario.start("m", type: .chatModel)
        var cache = ViewCache()
        var text = ""
        for (index, word) in "alpha beta\ngamma 終端の光 delta\tepsilon \u{1B}[31m zeta".split(separator: " ").enumerated() {
            let token = (index == 0 ? "" : " ") + word
            text += token
            scenario.stream("m", token)
            scenario.flush()
            let node = scenario.state.forest[0]
            let wrapped = cache.stream(0, node: node, width: 12)
            #expect(wrapped.allLines == TextWrap.wrap(text, width: 12))
        }
        let node = scenario.state.forest[0]
        #expect(cache.stream(0, node: node, width: 7).allLines == TextWrap.wrap(text, width: 7))
    }

    @Test func formatsAreStable() {
        #expect(Format.duration(0.04) == "40ms")
        #expect(Format.duration(12.36) == "12.3s")
        #expect(Format.precise(0.0405) == "40ms")
        #expect(Format.precise(1.2345) == "1.234s")
        #expect(Format.duration(125) == "2m05s")
        #expect(Format.duration(3725) == "1h02m")
        #expect(Format.count(1_234_567) == "1,234,567")
        #expect(Format.count(12) == "12")
        #expect(Format.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00.000Z")
    }

    @Test func ncursesKeyCodesDecode() {
        #expect(NcursesTerminal.character(3) == .control(3))
        #expect(NcursesTerminal.character(13) == .enter)
        #expect(NcursesTerminal.character(27) == .escape)
        #expect(NcursesTerminal.character(127) == .backspace)
        #expect(NcursesTerminal.character(0x7D42) == .character("終"))
        // ncurses' codes (octal in curses.h): KEY_UP 0403, KEY_RESIZE 0632, KEY_BTAB 0541, KEY_F0 0410.
        #expect(NcursesTerminal.functionKey(0o403) == .up)
        #expect(NcursesTerminal.functionKey(0o632) == .resize)
        #expect(NcursesTerminal.functionKey(0o541) == .backTab)
        #expect(NcursesTerminal.functionKey(0o410 + 5) == .function(5))
    }

    @Test func terminalKeysBecomeInspectorKeys() {
        #expect(KeyTranslation.key(.control(3)) == .ctrlC)
        #expect(KeyTranslation.key(.character("j")) == .char("j"))
        #expect(KeyTranslation.key(.pageDown) == .pageDown)
        #expect(KeyTranslation.key(.function(1)) == .other)
    }

    @Test func chainResultsMapToOutcomes() {
        #expect(ChainRunner.chainResult(.success("x")) == .succeeded)
        #expect(ChainRunner.chainResult(.failure(CancellationError())) == .cancelled)
        #expect(ChainRunner.chainResult(.failure(ScriptedError("bad"))) == .failed(type: "ValueError", message: "bad"))
        let failed = InspectorApp.Outcome(chain: .failed(RunError(type: "E", message: "m")), userQuit: true)
        #expect(failed.exitStatus == 1)
        #expect(InspectorApp.Outcome(chain: .succeeded("ok"), userQuit: true).exitStatus == 0)
        #expect(InspectorApp.Outcome(chain: .cancelled, userQuit: false, signal: SIGTERM).exitStatus == 143)
    }

    @Test func renderingCostsTheSameForAHugeTree() {
        let state = SyntheticRuns.state(runs: 20_000, width: 120, height: 40)
        let buffer = InspectorView().render(state)
        #expect(buffer.lines()[1].contains("Runs (20,000)"))
        #expect(state.forest.rows.count == 20_000)
    }
}

@Suite struct RenderSizeTests {
    @Test func renderingAtAnotherSizeLaysTheStateOutForIt() {
        let state = SyntheticRuns.state(runs: 50, width: 120, height: 40)
        func render(width: Int, height: Int) -> Buffer {
            var sized = state
            _ = reduce(&sized, .resize(width: width, height: height))
            return InspectorView().render(sized)
        }
        let small = render(width: 80, height: 24)
        #expect(small.width == 80 && small.height == 24)
        expectAlignedBorders(small, InspectorLayout(width: 80, height: 24))
        let tiny = render(width: 20, height: 5)
        #expect(tiny.lines().contains { $0.contains("Terminal too small") })
    }
}
