/// A key press as the inspector understands it, independent of any terminal library.
public enum Key: Sendable, Hashable {
    /// A printable character (letters, digits, space, punctuation, CJK, ...).
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, escape
    /// Ctrl-C, which arrives as a key in raw mode.
    case ctrlC
    /// Any other key, ignored.
    case other
}
