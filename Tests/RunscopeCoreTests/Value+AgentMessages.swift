import RunscopeCore

extension Value {
    /// The messages of an agent's output (`{"messages": [...]}`).
    var agentMessages: [Message] { self["messages"]?.arrayValue?.compactMap(\.messageValue) ?? [] }
}
