import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// Event sequences in, tree and counts out.
@Suite struct ReducerEventTests {
    /// root > (a > model, b)
    static func basicTree(_ script: inout EventScript) -> [TimedEvent] {
        [script.start("root"), script.start("a", parent: "root"), script.start("model", parent: "a", type: .chatModel),
         script.start("b", parent: "root")]
    }

    @Test func runsNestUnderTheirParentsInStartOrder() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.basicTree(&script)))
        #expect(rowNames(state) == ["root", "a", "model", "b"])
        #expect(state.forest[0].children.count == 2)
        #expect(state.forest[2].depth == 2)
        #expect(state.forest[0].descendantCount == 3)
        #expect(state.forest[0].activeDescendants == 3)
        #expect(state.forest.nodes.map(\.executionOrder) == [1, 2, 3, 4])
        #expect(selectedName(state) == "root")
    }

    @Test func modelWaitsForItsFirstTokenThenRuns() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.basicTree(&script)))
        #expect(state.forest[2].status == .waiting)
        _ = reduce(&state, .events([script.token("model", "Hello"), script.token("model", " world")]))
        let model = state.forest[2]
        #expect(model.status == .running)
        #expect(model.text == "Hello world")
        #expect(model.tokenCount == 2)
        #expect(abs(model.timeToFirstToken! - 0.2) < 0.001)
        #expect(state.totalTokens == 2)
    }

    @Test func endingRecordsOutputsUsageAndFinishReason() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.basicTree(&script) + [script.token("model", "hi"), script.end("model", output: "hi")]))
        let model = state.forest[2]
        #expect(model.status == .succeeded)
        #expect(model.finishReason == "stop")
        #expect(model.usage?.totalTokens == 12)
        #expect(model.outputs?.messageValue?.content == "hi")
        #expect(state.forest[0].activeDescendants == 2)
    }

    @Test func failureMarksAncestorsAndNamesTheChild() {
        var script = EventScript()
        var state = startedState()
        let events = Self.basicTree(&script) + [script.fail("model", message: "rate limited"), script.fail("a", message: "rate limited")]
        _ = reduce(&state, .events(events))
        #expect(state.forest[2].status == .failed)
        #expect(state.forest[1].status == .failed)
        #expect(state.forest[1].failedChild == 2)
        #expect(state.forest[0].failedDescendants == 2)
        #expect(state.forest[0].hasFailure)
        #expect(state.forest[3].hasFailure == false)
    }

    @Test func cancellationEndsRunsAsCancelled() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.basicTree(&script) + [script.fail("model", type: "CancelledError", message: "the run was cancelled")]))
        #expect(state.forest[2].status == .cancelled)
        #expect(state.forest[0].failedDescendants == 0)
        _ = reduce(&state, .chainEnded(.cancelled, script.tick()))
        #expect(state.chain == .cancelled)
        #expect(state.forest.nodes.allSatisfy { $0.status == .cancelled })
    }

    @Test func eventsForAParentNotYetSeenKeepTheRunAsARootUntilTheParentStarts() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events([script.start("model", parent: "chain", type: .chatModel), script.token("model", "x")]))
        #expect(rowNames(state) == ["model"])
        #expect(state.forest[0].parent == nil)
        #expect(state.forest[0].parentId == script.id("chain"))
        _ = reduce(&state, .events([script.start("chain", parent: nil)]))
        #expect(rowNames(state) == ["chain", "model"])
        #expect(state.forest[1].children == [0])
        #expect(state.forest[0].depth == 1)
        #expect(state.forest[1].descendantCount == 1)
        #expect(state.forest[1].activeDescendants == 1)
        #expect(state.forest[1].streamSources == [0])
    }

    @Test func aParentNeverSeenLeavesTheRunAsARoot() {
        var script = EventScript()
        var state = startedState()
        _ = script.id("unseen")
        _ = reduce(&state, .events([script.start("model", parent: "unseen", type: .chatModel), script.end("model")]))
        #expect(rowNames(state) == ["model"])
        #expect(state.forest[0].status == .succeeded)
    }

    @Test func eventsOfARunWhoseStartWasNotSeenCreateIt() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events([script.start("root")]))
        let late = script.info("late", parent: "root", type: .chatModel)
        _ = reduce(&state, .events([TimedEvent(.newToken("t", chunk: nil), run: late, time: script.tick())]))
        #expect(rowNames(state) == ["root", "late"])
        #expect(state.forest[1].sawStart == false)
        #expect(state.forest[1].text == "t")
    }

    @Test func interleavedParallelStreamsStayApart() {
        var script = EventScript()
        var state = startedState()
        var events = [script.start("par"), script.start("left", parent: "par", type: .chatModel, tags: ["map:key:left"]),
                      script.start("right", parent: "par", type: .chatModel, tags: ["map:key:right"])]
        for index in 0..<100 {
            events.append(script.token("left", "L\(index) "))
            events.append(script.token("right", "R\(index) "))
        }
        _ = reduce(&state, .events(events))
        #expect(state.forest[1].tokenCount == 100)
        #expect(state.forest[2].tokenCount == 100)
        #expect(!state.forest[1].text.contains("R"))
        #expect(state.forest[1].text.hasPrefix("L0 L1 L2"))
        #expect(state.forest[0].streamSources == [1, 2])
        #expect(state.totalTokens == 200)
    }

    @Test func thousandsOfRunsBuildTheSameRowsIncrementallyAndFromScratch() {
        var script = EventScript()
        script.step = 0.001
        var state = startedState()
        var events = [script.start("root")]
        for group in 0..<50 {
            events.append(script.start("g\(group)", parent: "root"))
            for leaf in 0..<40 { events.append(script.start("g\(group)-\(leaf)", parent: "g\(group)", type: leaf % 4 == 0 ? .chatModel : .chain)) }
        }
        // Interleave a second wave so some starts land in the middle of the list.
        for group in 0..<50 { events.append(script.start("late\(group)", parent: "g\(group)")) }
        for offset in stride(from: 0, to: events.count, by: 300) {
            _ = reduce(&state, .events(Array(events[offset..<min(events.count, offset + 300)])))
        }
        #expect(state.forest.count == 1 + 50 * 42)
        let expected = state.forest.depthFirstOrder()
        #expect(state.forest.rows == expected)
        #expect(state.forest[0].descendantCount == 50 * 42)
        for (row, node) in state.forest.rows.enumerated() { #expect(state.forest.row(of: node) == row) }
    }

    @Test func tokensPerSecondNowCountsTheLastSecond() {
        var script = EventScript()
        script.step = 0.01
        var state = startedState()
        var events = [script.start("m", type: .chatModel)]
        for _ in 0..<150 { events.append(script.token("m", "x")) }
        _ = reduce(&state, .events(events))
        _ = reduce(&state, .tick(script.time.addingTimeInterval(0.1)))
        #expect(state.tokensPerSecondNow >= 90 && state.tokensPerSecondNow <= 110)
    }

    @Test func chainStartedResetsRunsButKeepsViewSettings() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.basicTree(&script)))
        press(&state, .char("3"), .tab)
        _ = reduce(&state, .chainStarted(script.tick()))
        #expect(state.forest.count == 0)
        #expect(state.tab == .output)
        #expect(state.focus == .pane)
        #expect(state.follow)
        #expect(state.chain == .running)
        #expect(state.totalTokens == 0)
    }

    @Test func chainFailureIsShownAndActiveRunsEnd() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.basicTree(&script)))
        _ = reduce(&state, .chainEnded(.failed(type: "ValueError", message: "bad"), script.tick()))
        #expect(state.chain == .failed)
        #expect(state.chainError == "ValueError: bad")
        #expect(state.forest.nodes.allSatisfy { !$0.status.isActive })
    }
}

@Suite struct FollowFailureTests {
    @Test func followJumpsToWhereTheFailureStarted() {
        var script = EventScript()
        var state = startedState()
        let events = [script.start("root"), script.start("a", parent: "root"), script.start("m", parent: "a", type: .chatModel),
                      script.token("m", "x"), script.fail("m"), script.fail("a"), script.fail("root")]
        _ = reduce(&state, .events(events))
        _ = reduce(&state, .chainEnded(.failed(type: "ValueError", message: "boom"), script.tick()))
        #expect(selectedName(state) == "m")
        #expect(state.tab == .error)
    }
}
