import Foundation
import RunscopeInspector
import RunscopeTUI
import Testing
import TerminalUI

/// A search that finds text in a run's content selects the run, opens the tab that shows
/// it, and marks each place of the query in the pane.
@Suite struct SearchHighlightTests {
    static let match = Style(fg: .yellow, bold: true, reverse: true)

    /// The columns where `word` starts on each row, with the style of its first and last cell.
    static func places(of word: String, in buffer: Buffer) -> [(x: Int, y: Int, first: Style, last: Style)] {
        var found: [(Int, Int, Style, Style)] = []
        let length = word.count
        for y in 0..<buffer.height {
            let symbols = (0..<buffer.width).map { buffer[$0, y].symbol }
            for x in 0...(buffer.width - length) where symbols[x..<(x + length)].joined() == word {
                found.append((x, y, buffer[x, y].style, buffer[x + length - 1, y].style))
            }
        }
        return found
    }

    @Test func aMatchInTheStreamIsSelectedAndMarked() throws {
        var scenario = ScreenSnapshotTests.streaming(width: 120, height: 40)
        scenario.keys(.char("g"), .char("/"))
        for character in "cursor" { scenario.keys(.char(character)) }
        scenario.keys(.enter)
        #expect(scenario.state.selectedNode?.name == "JokeModel" && scenario.state.tab == .stream)
        let buffer = InspectorView().render(scenario.state)
        // (The status line below says what matched; it is not the pane.)
        let places = Self.places(of: "cursor", in: buffer).filter { $0.y < buffer.height - 2 }
        try #require(!places.isEmpty, "the joke is not on screen:\n\(Snapshot.render(buffer))")
        #expect(places.allSatisfy { $0.first == Self.match && $0.last == Self.match }, "\(places.map { ($0.x, $0.y) })\n\(Snapshot.render(buffer))")
        let before = try #require(places.first)
        #expect(buffer[before.x - 1, before.y].style != Self.match, "only the query is marked")

        scenario.keys(.char("/"), .char("z"), .char("q"), .char("x"), .enter)
        #expect(Self.places(of: "cursor", in: InspectorView().render(scenario.state)).allSatisfy { $0.first != Self.match },
                "a new search clears the marks")
    }
}
