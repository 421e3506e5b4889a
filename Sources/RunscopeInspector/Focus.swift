/// Which part of the screen the arrow keys act on.
public enum Focus: Sendable, Equatable {
    case tree, pane
}
