import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// Tool calls waiting for a decision: the reducer's keys (Enter runs, `s` skips, `e` edits,
/// every other key works as usual) and `InspectorApprover`, where the chain's review waits.
@Suite struct ApprovalTests {
    static func waiting() -> (InspectorState, EventScript, [PendingApproval]) {
        var (state, script) = ReducerKeyTests.tree()
        let requests = [
            PendingApproval(id: 1, call: ToolCall(name: "get_weather", args: ["city": "Paris"], id: "a"), runId: script.id("b1")),
            PendingApproval(id: 2, call: ToolCall(name: "calculator", args: ["expression": "1+1"], id: "b"), runId: script.id("a2")),
        ]
        _ = reduce(&state, .approvalsRequested(requests))
        return (state, script, requests)
    }

    @Test func theFirstWaitingCallsRunIsSelectedAndFollowStops() {
        let (state, _, requests) = Self.waiting()
        #expect(selectedName(state) == "b1")
        #expect(!state.follow)
        #expect(state.approvals == requests)
    }

    @Test func enterRunsTheFirstAndSSkipsTheNext() {
        var (state, _, _) = Self.waiting()
        #expect(press(&state, .enter) == [.decideTool(id: 1, .approve)])
        #expect(state.approvals.map(\.id) == [2])
        #expect(state.message == "Ran get_weather")
        #expect(press(&state, .char("s")) == [.decideTool(id: 2, .reject)])
        #expect(state.approvals.isEmpty)
        // Nothing waits: Enter is the tree's again (it folds the selected run).
        #expect(press(&state, .enter) == [])
    }

    @Test func eAsksForTheEditorAndTheCallStillWaitsUntilTheAppAnswers() {
        var (state, _, requests) = Self.waiting()
        #expect(press(&state, .char("e")) == [.editToolCall(requests[0])])
        #expect(state.approvals.count == 2)
        _ = reduce(&state, .approvalResolved(id: 1))
        #expect(state.approvals.map(\.id) == [2])
    }

    @Test func otherKeysStillMoveAndHelpTakesEnterFirst() {
        var (state, _, _) = Self.waiting()
        press(&state, .up)
        #expect(selectedName(state) == "b")
        press(&state, .char("?"))
        #expect(state.showsHelp)
        #expect(press(&state, .enter) == [], "Enter closes the help")
        #expect(state.approvals.count == 2)
    }

    @Test func theChainsEndOrARerunDropsWhatWaited() {
        var (state, _, _) = Self.waiting()
        _ = reduce(&state, .chainEnded(.cancelled, Date()))
        #expect(state.approvals.isEmpty)
        var (other, _, _) = Self.waiting()
        _ = reduce(&other, .chainStarted(Date()))
        #expect(other.approvals.isEmpty)
    }

    @Test func theApproverHoldsAReviewUntilItIsDecided() async throws {
        let approver = InspectorApprover()
        let request = ToolApprovalRequest(call: ToolCall(name: "get_weather", args: ["city": "Oslo"], id: "c"), runId: UUID())
        let review = Task { try await approver.review(request) }
        var taken: [PendingApproval] = []
        while taken.isEmpty { taken = approver.takeNew(); await Task.yield() }
        #expect(taken.map(\.call) == [request.call])
        #expect(approver.takeNew().isEmpty, "each request is taken once")
        #expect(approver.isWaiting(taken[0].id))
        approver.decide(taken[0].id, .edit(["city": "Bergen"]))
        #expect(try await review.value == .edit(["city": "Bergen"]))
        #expect(!approver.isWaiting(taken[0].id))
    }

    @Test func aCancelledReviewThrowsAndALaterDecisionIsIgnored() async throws {
        let approver = InspectorApprover()
        let request = ToolApprovalRequest(call: ToolCall(name: "calculator", args: [:], id: "d"), runId: nil)
        let review = Task { try await approver.review(request) }
        var taken: [PendingApproval] = []
        while taken.isEmpty { taken = approver.takeNew(); await Task.yield() }
        review.cancel()
        await #expect(throws: CancellationError.self) { try await review.value }
        #expect(!approver.isWaiting(taken[0].id))
        approver.decide(taken[0].id, .approve)  // no continuation is resumed twice (that would trap)
    }

    @Test func anApproverForMarkedToolsOnlyLetsTheOthersRun() async throws {
        let approver = InspectorApprover(holdsEveryCall: false)
        let plain = ToolApprovalRequest(call: ToolCall(name: "calculator", args: [:], id: "e"), runId: nil)
        #expect(try await approver.review(plain) == .approve)
        #expect(approver.takeNew().isEmpty, "the unmarked call did not wait")
        let marked = ToolApprovalRequest(call: ToolCall(name: "get_weather", args: [:], id: "f"), runId: nil, toolAsks: true)
        let review = Task { try await approver.review(marked) }
        var taken: [PendingApproval] = []
        while taken.isEmpty { taken = approver.takeNew(); await Task.yield() }
        approver.decide(taken[0].id, .reject)
        #expect(try await review.value == .reject)
    }
}
