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

/// The tabs of the detail pane, in order (keys 1–6).
public enum PaneTab: Int, Sendable, CaseIterable {
    case stream, input, output, error, info, messages

    /// The tab's title.
    public var title: String {
        switch self {
        case .stream: return "Stream"
        case .input: return "Input"
        case .output: return "Output"
        case .error: return "Error"
        case .info: return "Info"
        case .messages: return "Messages"
        }
    }

    /// A shorter title for narrow panes.
    public var shortTitle: String {
        switch self {
        case .stream: return "Stream"
        case .input: return "In"
        case .output: return "Out"
        case .error: return "Err"
        case .info: return "Info"
        case .messages: return "Msgs"
        }
    }
}

/// Which part of the screen the arrow keys act on.
public enum Focus: Sendable, Equatable {
    case tree, pane
}
