import Foundation
import RunscopeCore

/// A tool call waiting for the user's decision (`--approve-tools`), as the inspector shows it.
public struct PendingApproval: Sendable, Equatable {
    /// Its number in the approver (to answer it).
    public var id: Int
    /// The call as the model made it.
    public var call: ToolCall
    /// The run that waits (the agent's `tools` node, or the `ToolExecutor` run).
    public var runId: UUID?

    /// A pending call.
    public init(id: Int, call: ToolCall, runId: UUID?) {
        self.id = id
        self.call = call
        self.runId = runId
    }

    /// The call on one line: `name {"arg": value}`.
    public var summary: String {
        "\(call.name) \(Value.object(call.args).compactJSON())"
    }
}
