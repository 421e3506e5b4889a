/// A key (or terminal event) read from ncurses, decoded from wide characters and KEY_* codes.
public enum TerminalKey: Sendable, Hashable {
    /// A printable character.
    case character(Character)
    /// A control character other than the named ones (code 1–31), e.g. 3 for Ctrl-C.
    case control(UInt8)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, insert, escape
    /// Function key F1...F12.
    case function(Int)
    /// A mouse button, wheel or drag, where reporting is on (SGR 1006).
    case mouse(MouseEvent)
    /// The terminal changed size (already applied to ncurses' own screen size).
    case resize
    /// Input is gone (end of file on the terminal): nobody can type anymore.
    case inputClosed
    /// A key code this backend does not name.
    case unknown(Int32)
}
