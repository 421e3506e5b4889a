import Foundation
import RunscopeInspector
import RunscopeTUI
import Testing
import TerminalUI

/// The timeline draws the bars of the critical path bold, and no other.
@Suite struct CriticalPathViewTests {
    @Test func criticalBarsAreBold() throws {
        var scenario = ScreenSnapshotTests.streaming(width: 120, height: 40)
        scenario.keys(.char("t"))
        let state = scenario.state
        let buffer = InspectorView().render(state)
        let critical = CriticalPath.runs(state.forest, from: state.forest.roots, now: state.now)
        #expect(critical.count >= 2 && critical.count < state.forest.rows.count, "some runs are on the path, some not")
        let top = try #require((0..<buffer.height).first { buffer[0, $0].symbol == "┌" })
        for (row, run) in state.forest.rows.enumerated() {
            let y = top + 1 + row
            let bar = (0..<buffer.width).filter { buffer[$0, y].symbol == "█" }
            try #require(!bar.isEmpty, "row \(row) has no bar")
            let bold = bar.allSatisfy { buffer[$0, y].style.attributes.contains(.bold) }
            let plain = bar.allSatisfy { !buffer[$0, y].style.attributes.contains(.bold) }
            #expect(critical.contains(run) ? bold : plain, "row \(row) (\(state.forest[run].name))")
        }
    }
}
