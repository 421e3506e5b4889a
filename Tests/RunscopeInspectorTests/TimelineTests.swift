import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// The timeline's axis and bars, and its keys.
@Suite struct TimelineTests {
    static let t0 = EventScript.base

    @Test func timesFallInEighthsOfACell() {
        let scale = TimelineScale(start: Self.t0, end: Self.t0.addingTimeInterval(10), width: 10)
        #expect(scale.eighths(Self.t0) == 0)
        #expect(scale.eighths(Self.t0.addingTimeInterval(1)) == 8)
        #expect(scale.eighths(Self.t0.addingTimeInterval(2.5)) == 20)
        #expect(scale.eighths(Self.t0.addingTimeInterval(-3)) == 0, "clamped to the window")
        #expect(scale.eighths(Self.t0.addingTimeInterval(30)) == 80)
    }

    @Test func aBarIsFullBlocksThenAPartialOne() {
        var node = RunNode(info: RunInfo(runId: UUID(), parentRunId: nil, name: "r", runType: .chain), status: .succeeded,
                           time: Self.t0.addingTimeInterval(2))
        node.endTime = Self.t0.addingTimeInterval(5.375)
        let scale = TimelineScale(start: Self.t0, end: Self.t0.addingTimeInterval(10), width: 10)
        let bar = TimelineBar(node, scale: scale, now: Self.t0)
        #expect(bar.start == 16 && bar.end == 43)
        #expect(String(bar.cells(width: 10)) == "  ███▍    ", "2 s to 5.375 s: three full cells and three eighths")
    }

    @Test func aRunningBarGrowsToNowAndAnInstantOneStillShows() {
        var node = RunNode(info: RunInfo(runId: UUID(), parentRunId: nil, name: "m", runType: .chatModel), status: .running,
                           time: Self.t0)
        node.firstTokenTime = Self.t0.addingTimeInterval(1)
        let scale = TimelineScale(start: Self.t0, end: Self.t0.addingTimeInterval(4), width: 4)
        let early = TimelineBar(node, scale: scale, now: Self.t0.addingTimeInterval(2))
        let later = TimelineBar(node, scale: scale, now: Self.t0.addingTimeInterval(3))
        #expect(early.end == 16 && later.end == 24)
        #expect(early.firstToken == 8)
        let instant = TimelineBar(node, scale: scale, now: Self.t0)
        #expect(String(instant.cells(width: 4)) == "▏   ", "a run of no length is one eighth wide")
    }

    @Test func ticksAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(TimelineScale(start: Self.t0, end: Self.t0.addingTimeInterval(10), width: 100).tickStep() == 1)
        #expect(TimelineScale(start: Self.t0, end: Self.t0.addingTimeInterval(10), width: 30).tickStep() == 5)
        #expect(abs(TimelineScale(start: Self.t0, end: Self.t0.addingTimeInterval(0.3), width: 60).tickStep() - 0.05) < 1e-12)
    }

    @Test func tShowsItZZoomsToTheSelectedRunAndZComesBack() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events([
            script.start("root"), script.start("a", parent: "root"), script.end("a"), script.start("b", parent: "root"),
            script.end("b"), script.end("root"),
        ]))
        _ = reduce(&state, .key(.char("z")))
        #expect(state.timelineZoom == nil, "z does nothing while the timeline is hidden")
        _ = reduce(&state, .key(.char("t")))
        #expect(state.showsTimeline)
        _ = press(&state, .char("g"), .down, .char("z"))
        #expect(state.timelineZoom == 1)
        let zoomed = TimelineScale.window(state.forest, zoom: 1, now: state.now, width: 50)
        #expect(zoomed.start == state.forest[1].startTime && zoomed.end == state.forest[1].endTime)
        let whole = TimelineScale.window(state.forest, zoom: nil, now: state.now, width: 50)
        #expect(whole.start == state.forest[0].startTime && whole.end == state.forest[0].endTime)
        _ = reduce(&state, .key(.char("Z")))
        #expect(state.timelineZoom == nil)
        _ = press(&state, .char("z"), .char("t"))
        #expect(!state.showsTimeline && state.timelineZoom == nil, "hiding it drops the zoom")
    }
}
