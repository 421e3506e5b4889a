import Foundation
import RunscopeCore

/// The inspector's `ToolApprover`: a tool call's review waits here (the chain's task
/// suspended, no thread blocked) until the UI thread answers it. The UI takes the new
/// requests once a frame (`takeNew`) and answers with `decide`; a review whose run is
/// cancelled meanwhile ends with a `CancellationError`, and a later answer to it is ignored.
public final class InspectorApprover: ToolApprover {
    private struct State {
        var nextId = 1
        /// The reviews that wait, by id.
        var waiting: [Int: CheckedContinuation<ToolDecision, any Error>] = [:]
        var new: [PendingApproval] = []
        /// Reviews cancelled before they began to wait (dropped as they would begin).
        var cancelled: Set<Int> = []
    }

    private let state = Locked(State())
    /// Whether every call waits (`--approve-tools`), or only those whose tool asks (`"approve": true`).
    public let holdsEveryCall: Bool

    /// An approver with nothing waiting, holding every call or only those whose tool asks.
    public init(holdsEveryCall: Bool = true) {
        self.holdsEveryCall = holdsEveryCall
    }

    public func review(_ request: ToolApprovalRequest) async throws -> ToolDecision {
        guard holdsEveryCall || request.toolAsks else { return .approve }
        let id = state.withLock { state in
            defer { state.nextId += 1 }
            return state.nextId
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let pending = PendingApproval(id: id, call: request.call, runId: request.runId)
                let cancelledAlready = state.withLock { state in
                    guard state.cancelled.remove(id) == nil else { return true }
                    state.waiting[id] = continuation
                    state.new.append(pending)
                    return false
                }
                if cancelledAlready { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<ToolDecision, any Error>? in
                state.new.removeAll { $0.id == id }
                guard let waiting = state.waiting.removeValue(forKey: id) else {
                    state.cancelled.insert(id)  // not waiting yet: the review drops itself as it begins
                    return nil
                }
                return waiting
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// The requests that came since the last call, in order.
    public func takeNew() -> [PendingApproval] {
        state.withLock { state in
            defer { state.new = [] }
            return state.new
        }
    }

    /// Whether request `id` still waits (not answered, not cancelled).
    public func isWaiting(_ id: Int) -> Bool {
        state.withLock { $0.waiting[id] != nil }
    }

    /// Answers request `id` (nothing happens if it no longer waits).
    public func decide(_ id: Int, _ decision: ToolDecision) {
        let continuation = state.withLock { $0.waiting.removeValue(forKey: id) }
        continuation?.resume(returning: decision)
    }
}
