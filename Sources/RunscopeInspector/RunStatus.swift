/// How a run stands in the inspector.
public enum RunStatus: Sendable, Equatable {
    /// Started, nothing produced yet (a model waiting for its first token).
    case waiting
    /// Working (a model streaming tokens, a chain with steps under way).
    case running
    case succeeded
    case failed
    case cancelled
    /// A tool run that ended normally with a tool message of status `error`
    /// (LangGraph's handled tool error: the model reads the message next step).
    case handledError
    /// Stopped at a LangGraph interrupt (`GraphInterrupt`): paused, waiting to be resumed.
    case interrupted
    /// Ended by a LangGraph `Command` / `ParentCommand`: control flow, routed elsewhere.
    case routed

    /// Whether the run has not ended.
    public var isActive: Bool { self == .waiting || self == .running }

    /// Whether the run ended with an error that is not a cancellation or control flow.
    public var isFailure: Bool { self == .failed }

    /// Whether the run ended by LangGraph control flow (an interrupt or a command), not a failure.
    public var isControlFlow: Bool { self == .interrupted || self == .routed }
}
