import Foundation

/// A tool defined by data (a chain file's scripted tool), so that an agent can be
/// rehearsed with no code: it answers with a template over its arguments, or fails
/// with one, after an optional delay.
public struct ScriptedTool: Tool {
    /// What the tool does when called.
    public enum Behavior: Sendable, Equatable {
        /// Answers with the template filled with the call's arguments.
        case returns(TextTemplate)
        /// Fails with the template's text: handled (a tool message with status
        /// `error`), or unhandled (the tool run, its node and the agent fail).
        case fails(TextTemplate, handled: Bool)
    }

    public let spec: ToolSpec
    public let behavior: Behavior
    /// Seconds to wait before answering.
    public let delay: Double
    public let callbacks: [any CallbackHandler]
    /// Each call waits for the user's decision (`"approve": true`).
    public var asksForApproval = false

    /// A scripted tool with the given spec, behaviour and delay.
    public init(spec: ToolSpec, behavior: Behavior, delay: Double = 0, callbacks: [any CallbackHandler] = []) {
        self.spec = spec
        self.behavior = behavior
        self.delay = delay
        self.callbacks = callbacks
    }

    public var handlesToolErrors: Bool {
        if case .fails(_, handled: true) = behavior { return true }
        return false
    }

    public func run(_ args: ValueObject) async throws -> Value {
        if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
        switch behavior {
        case .returns(let template):
            return .string(template.render(args))
        case .fails(let template, _):
            throw ToolException(template.render(args))
        }
    }
}
