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
