import RunscopeInspector
@testable import RunscopeTUI
import Testing
import TerminalUI

/// The detail pane's scroll position, owned by `PaneViewport`: the reducer asks, the
/// viewport applies against the last frame's lines, the view resolves as it draws.
@Suite struct PaneViewportTests {
    /// The demo's streamed poem at the smallest screen, where it is longer than the pane.
    static func poem() throws -> (state: InspectorState, viewport: PaneViewport, cache: ViewCache) {
        var scenario = MouseTests.scenario()
        let buffer = InspectorView().render(scenario.state)
        let poem = try #require(MouseTests.place(of: "PoemModel", in: buffer, until: scenario.state.layout.treeWidth))
        MouseTests.click(&scenario, at: poem)
        _ = reduce(&scenario.state, .resize(width: 40, height: 10))
        var viewport = PaneViewport()
        var cache = ViewCache()
        _ = InspectorView().render(scenario.state, pane: &viewport, cache: &cache)
        try #require(viewport.lineCount > viewport.rows + 2, "the poem fits: nothing to scroll")
        return (scenario.state, viewport, cache)
    }

    @Test func aFrameKeepsTheLinesItDrewAndTheStreamFollowsItsEnd() throws {
        let (_, viewport, _) = try Self.poem()
        #expect(viewport.scroll.follow)
        #expect(viewport.scroll.offset == viewport.lineCount - viewport.rows, "following: the last page")
    }

    @Test func linesAndPagesMoveFromWhereTheLastFrameWas() throws {
        let (state, viewport0, _) = try Self.poem()
        var viewport = viewport0
        let bottom = viewport.lineCount - viewport.rows
        viewport.apply(.lines(-1), in: state)
        #expect(viewport.scroll.offset == bottom - 1 && !viewport.scroll.follow)
        viewport.apply(.top, in: state)
        #expect(viewport.scroll.offset == 0 && !viewport.scroll.follow)
        viewport.apply(.pages(1), in: state)
        #expect(viewport.scroll.offset == min(bottom, viewport.rows - 1))
        viewport.apply(.end, in: state)
        #expect(viewport.scroll.follow)
    }

    @Test func scrollingPastTheEndDoesNotPileUp() throws {
        let (state, viewport0, cache0) = try Self.poem()
        var viewport = viewport0
        var cache = cache0
        viewport.apply(.top, in: state)
        for _ in 0..<100 { viewport.apply(.lines(1), in: state) }
        #expect(viewport.scroll.follow, "reaching the end follows it again")
        _ = InspectorView().render(state, pane: &viewport, cache: &cache)
        viewport.apply(.lines(-1), in: state)
        #expect(viewport.scroll.offset == viewport.lineCount - viewport.rows - 1, "one line up from the end, not 100")
    }

    @Test func anotherTabStartsThePaneOverWhereTheStateSays() throws {
        var (state, viewport, cache) = try Self.poem()
        viewport.apply(.top, in: state)
        _ = reduce(&state, .key(.char("2")))  // Input: starts at the top
        #expect(!state.paneStartsAtEnd)
        _ = reduce(&state, .key(.char("1")))  // back to the stream: starts following its end
        _ = InspectorView().render(state, pane: &viewport, cache: &cache)
        #expect(viewport.scroll.follow && viewport.scroll.offset == viewport.lineCount - viewport.rows)
    }
}
