/// How a run stands in the inspector.
public enum RunStatus: Sendable, Equatable {
    /// Started, nothing produced yet (a model waiting for its first token).
    case waiting
    /// Working (a model streaming tokens, a chain with steps under way).
    case running
    case succeeded
    case failed
    case cancelled

    /// Whether the run has not ended.
    public var isActive: Bool { self == .waiting || self == .running }

    /// Whether the run ended with an error that is not a cancellation.
    public var isFailure: Bool { self == .failed }
}

/// How the whole chain stands, shown in the header.
public enum ChainState: Sendable, Equatable {
    /// Not started yet.
    case idle
    case running
    case finished
    case failed
    case cancelled

    /// Whether the chain is still running.
    public var isRunning: Bool { self == .running }
}

/// The tabs of the detail pane, in order (keys 1–5).
public enum PaneTab: Int, Sendable, CaseIterable {
    case stream, input, output, error, info

    /// The tab's title.
    public var title: String {
        switch self {
        case .stream: return "Stream"
        case .input: return "Input"
        case .output: return "Output"
        case .error: return "Error"
        case .info: return "Info"
        }
    }
}

/// Which part of the screen the arrow keys act on.
public enum Focus: Sendable, Equatable {
    case tree, pane
}
