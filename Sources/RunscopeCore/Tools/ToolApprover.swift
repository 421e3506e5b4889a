import Foundation

/// Decides, before a tool runs, whether it runs as the model called it, with other
/// arguments, or not at all: runscope's `--approve-tools`, LangChain 1.x's
/// `HumanInTheLoopMiddleware` (approve, edit, reject). Set on ``RunConfig/toolApprover``;
/// every nested run inherits it, so an agent's tool calls and a chain's `ToolExecutor` ask it.
public protocol ToolApprover: Sendable {
    /// The decision on `request`; may wait as long as the user takes. Throws (a cancellation)
    /// when the run is cancelled meanwhile.
    func review(_ request: ToolApprovalRequest) async throws -> ToolDecision
}

/// A tool call waiting for a decision.
public struct ToolApprovalRequest: Sendable, Equatable {
    /// The call as the model made it.
    public var call: ToolCall
    /// The run that waits: the agent's `tools` node, or the `ToolExecutor`'s run.
    public var runId: UUID?
    /// Whether the tool itself asks for approval (`"approve": true`); an approver that holds
    /// only such calls lets the others run.
    public var toolAsks: Bool

    /// A request for `call`, waited on by run `runId`.
    public init(call: ToolCall, runId: UUID?, toolAsks: Bool = false) {
        self.call = call
        self.runId = runId
        self.toolAsks = toolAsks
    }
}

/// What the user decided on a tool call.
public enum ToolDecision: Sendable, Equatable {
    /// Run it as called.
    case approve
    /// Run it with these arguments instead.
    case edit(ValueObject)
    /// Do not run it: the model gets a tool message saying the user rejected it.
    case reject
}

/// Asking the config's approver about a call, and the message a rejected call gets.
enum ToolApproval {
    /// The call to run (`call`, or with the edited arguments), or nil when the user rejected it.
    /// Without an approver every call runs as made.
    static func review(_ call: ToolCall, of tool: any Tool, config: RunConfig, runId: UUID?) async throws -> ToolCall? {
        guard let approver = config.toolApprover else { return call }
        switch try await approver.review(ToolApprovalRequest(call: call, runId: runId, toolAsks: tool.asksForApproval)) {
        case .approve: return call
        case .edit(let arguments):
            var edited = call
            edited.args = arguments
            return edited
        case .reject: return nil
        }
    }

    /// The tool message in place of a rejected call's result: LangChain 1.5's
    /// `HumanInTheLoopMiddleware` text for a rejection without a reason, status error.
    static func rejection(of call: ToolCall) -> Message {
        let id = call.id ?? ""
        return .tool(
            "User rejected the tool call for `\(call.name)` with id \(id). The tool was not executed. "
                + "Do not retry this tool call unless the user explicitly requests it.",
            toolCallId: id, name: call.name, status: .error)
    }
}
