import RunscopeCore

/// Tool calls waiting for a decision (`--approve-tools`): the first waiting call takes
/// Enter (run it), `e` (edit its arguments) and `s` (skip it); every other key works as usual.
extension InspectorState {
    /// Adds waiting calls; the first one's run is selected and revealed, as a failure's is.
    mutating func requestApprovals(_ requests: [PendingApproval]) {
        let first = approvals.isEmpty
        approvals += requests
        guard first, let request = approvals.first, let runId = request.runId, let index = forest.index(of: runId) else { return }
        follow = false
        revealAndSelect(index)
    }

    /// The effects of `key` when a call waits and the key answers it; nil when it does not.
    mutating func answerApproval(_ key: Key) -> [InspectorEffect]? {
        guard let request = approvals.first else { return nil }
        switch key {
        case .enter:
            approvals.removeFirst()
            message = "Ran \(request.call.name)"
            return [.decideTool(id: request.id, .approve)]
        case .char("s"):
            approvals.removeFirst()
            message = "Skipped \(request.call.name): the model is told the user rejected it"
            return [.decideTool(id: request.id, .reject)]
        case .char("e"):
            return [.editToolCall(request)]
        default:
            return nil
        }
    }
}
