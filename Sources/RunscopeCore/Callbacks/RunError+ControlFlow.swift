/// LangGraph's control flow, which reaches callbacks as errors but is not a failure.
extension RunError {
    /// Error types that pause a graph at an interrupt, to be resumed later.
    public static let interruptTypes: Set<String> = ["GraphInterrupt", "NodeInterrupt"]
    /// Error types that send control elsewhere (`Command(graph=Command.PARENT)`).
    public static let commandTypes: Set<String> = ["Command", "ParentCommand"]

    /// Whether this is a LangGraph interrupt (`GraphInterrupt(...)`): the run paused.
    public var isInterrupt: Bool {
        Self.interruptTypes.contains(type) || message.hasPrefix("GraphInterrupt(") || message.hasPrefix("NodeInterrupt(")
    }

    /// Whether this is a LangGraph command routing control to another node or graph.
    public var isCommand: Bool {
        Self.commandTypes.contains(type) || message.hasPrefix("ParentCommand(")
    }
}
