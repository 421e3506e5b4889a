import Testing
import TerminalUI

@Suite struct RectTests {
    let area = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test func sizesAreNeverNegative() {
        #expect(Rect(x: 1, y: 1, width: -5, height: -1).width == 0)
        #expect(Rect(x: 1, y: 1, width: -5, height: -1).isEmpty)
        let tiny = Rect(x: 0, y: 0, width: 3, height: 1).inset(by: 2)
        #expect(tiny.width == 0 && tiny.height == 0)
        #expect(area.inset(by: -3) == area)
    }

    @Test func insetShrinksEachSide() {
        #expect(area.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(area.inset(top: 2, left: 1) == Rect(x: 1, y: 2, width: 79, height: 22))
    }

    @Test func splitsClampAndCountFromTheEnd() {
        let (top, bottom) = area.split(horizontalAt: 1)
        #expect(top == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(bottom == Rect(x: 0, y: 1, width: 80, height: 23))
        let (body, footer) = area.split(horizontalAt: -2)
        #expect(body.height == 22 && footer.height == 2 && footer.y == 22)
        let (left, right) = area.split(verticalAt: 100)
        #expect(left.width == 80 && right.width == 0 && right.x == 80)
    }

    @Test func rowsAndColumnsResolveFixedPercentAndFill() {
        let rows = area.rows([.fixed(1), .fill(1), .fixed(2)])
        #expect(rows.map { $0.height } == [1, 21, 2])
        #expect(rows.map { $0.y } == [0, 1, 22])
        let columns = area.columns([.percent(25), .fill(1), .fill(2)])
        #expect(columns.map { $0.width } == [20, 20, 40])
        #expect(columns.map { $0.x } == [0, 20, 40])
        let overfull = Rect(x: 5, y: 0, width: 10, height: 1).columns([.fixed(6), .fixed(6), .percent(50)])
        #expect(overfull.map { $0.width } == [6, 4, 0])
        #expect(overfull.map { $0.x } == [5, 11, 15])
        #expect(area.columns([.fixed(-3), .rest]).map { $0.width } == [0, 80])
    }

    @Test func intersectionAndContains() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        let b = Rect(x: 5, y: 8, width: 10, height: 10)
        #expect(a.intersection(b) == Rect(x: 5, y: 8, width: 5, height: 2))
        #expect(a.intersection(Rect(x: 20, y: 20, width: 1, height: 1)).isEmpty)
        #expect(a.contains(x: 9, y: 0) && !a.contains(x: 10, y: 0))
    }
}

@Suite struct BorderTests {
    @Test func drawsABoxWithATitle() {
        var buffer = Buffer(width: 12, height: 4)
        let inner = Border(title: "Runs").render(into: &buffer, area: buffer.area)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(buffer.lines() == [
            "┌ Runs ────┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
    }

    @Test func longTitlesAreClippedInsideTheCorners() {
        var buffer = Buffer(width: 10, height: 3)
        Border(title: "A very long title", characters: .rounded).render(into: &buffer, area: buffer.area)
        #expect(buffer.lines()[0] == "╭ A very…╮")
        var cjk = Buffer(width: 9, height: 2)
        Border(title: "模型输出").render(into: &cjk, area: cjk.area)
        #expect(cjk.lines()[0] == "┌ 模型…─┐")
    }

    @Test func tooSmallAreasDrawNothing() {
        var buffer = Buffer(width: 5, height: 5)
        let inner = Border().render(into: &buffer, area: Rect(x: 0, y: 0, width: 1, height: 5))
        #expect(inner.isEmpty)
        #expect(buffer.lines().allSatisfy { $0.isEmpty })
    }
}
