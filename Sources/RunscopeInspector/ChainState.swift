/// How the whole chain stands, shown in the header.
public enum ChainState: Sendable, Equatable {
    /// Not started yet.
    case idle
    case running
    case finished
    case failed
    case cancelled
    /// The graph stopped at an interrupt (LangGraph `GraphInterrupt`), waiting to be resumed.
    case interrupted

    /// Whether the chain is still running.
    public var isRunning: Bool { self == .running }
}
