import Testing
import TerminalUI
import RunscopeTestSupport

@Suite struct BufferDiffTests {
    @Test func identicalBuffersHaveNoChanges() {
        var buffer = Buffer(width: 10, height: 3)
        buffer.put("same", x: 1, y: 1)
        let diff = buffer.diff(from: buffer)
        #expect(diff.isEmpty)
        #expect(!diff.isFullRedraw)
    }

    @Test func onlyChangedCellsAreReported() {
        var old = Buffer(width: 10, height: 3)
        old.put("hello", x: 0, y: 1)
        var new = old
        new.put("J", x: 0, y: 1)
        new.put("y", x: 4, y: 1)
        new.put("z", x: 9, y: 2)
        let diff = new.diff(from: old)
        #expect(diff.runs == [
            CellRun(x: 0, y: 1, cells: [Cell("J")]),
            CellRun(x: 4, y: 1, cells: [Cell("y")]),
            CellRun(x: 9, y: 2, cells: [Cell("z")]),
        ])
        #expect(diff.cellCount == 3)
    }

    @Test func adjacentChangesFormOneRun() {
        let old = Buffer(width: 10, height: 1)
        var new = old
        new.put("abc", x: 3, y: 0)
        #expect(new.diff(from: old).runs == [CellRun(x: 3, y: 0, cells: [Cell("a"), Cell("b"), Cell("c")])])
    }

    @Test func styleOnlyChangesAreReported() {
        var old = Buffer(width: 4, height: 1)
        old.put("ab", x: 0, y: 0)
        var new = old
        new.setStyle(Rect(x: 1, y: 0, width: 1, height: 1), Style(reverse: true))
        let runs = new.diff(from: old).runs
        #expect(runs.count == 1)
        #expect(runs.first?.x == 1)
        #expect(runs.first?.cells.first?.style.reverse == true)
    }

    @Test func runsNeverSplitAWideCharacter() {
        var old = Buffer(width: 6, height: 1)
        old.put("你", x: 2, y: 0)
        var new = Buffer(width: 6, height: 1)
        new.put("好", x: 2, y: 0)
        let runs = new.diff(from: old).runs
        #expect(runs.count == 1)
        #expect(runs.first?.x == 2)
        #expect(runs.first?.cells.count == 2)
        #expect(runs.first?.cells.last?.isContinuation == true)
    }

    @Test func sizeChangeIsAFullRedraw() {
        let old = Buffer(width: 10, height: 3)
        var new = Buffer(width: 12, height: 2)
        new.put("x", x: 0, y: 0)
        let diff = new.diff(from: old)
        #expect(diff.isFullRedraw)
        #expect(diff.runs.count == 2)
        #expect(diff.runs.allSatisfy { $0.x == 0 && $0.cells.count == 12 })
        #expect(diff.cellCount == 24)
    }

    @Test func applyingTheDiffToTheOldBufferGivesTheNewOne() {
        var random = SplitMix64(seed: 99)
        let pieces = ["a", "你好", "🙂", "bc", " ", "界x"]
        var old = Buffer(width: 12, height: 4)
        for _ in 0..<300 {
            var new = old
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let text = pieces.randomElement(using: &random)!
                new.put(text, x: Int.random(in: 0..<12, using: &random), y: Int.random(in: 0..<4, using: &random))
            }
            var patched = old
            for run in new.diff(from: old).runs {
                #expect(run.cells.first?.isContinuation == false)
                for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                    patched[run.x + offset, run.y] = cell
                }
            }
            #expect(patched == new)
            old = new
        }
    }
}
