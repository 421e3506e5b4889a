/// A mouse report in SGR 1006 form (`ESC [ < b ; x ; y M`, `m` on release): what
/// happened and the cell it happened on, counted from 0. SGR reports have no column
/// limit (the older X10 form stops at 223) and say which button was released.
public struct MouseEvent: Sendable, Hashable {
    /// What the mouse did.
    public enum Action: Sendable, Hashable {
        /// A button went down: 0 left, 1 middle, 2 right.
        case press(button: Int)
        /// A button came up.
        case release(button: Int)
        case wheelUp, wheelDown
        /// The pointer moved with a button held (only reported when asked for).
        case drag(button: Int)
    }

    public var action: Action
    /// The column, from 0.
    public var x: Int
    /// The row, from 0.
    public var y: Int

    /// An event at (`x`, `y`).
    public init(_ action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }

    /// The sequence that turns SGR 1006 button reporting on (press, release, wheel; no motion).
    public static let enableReporting = "\u{1B}[?1000h\u{1B}[?1006h"
    /// The sequence that turns it off again.
    public static let disableReporting = "\u{1B}[?1006l\u{1B}[?1000l"

    /// Decodes the characters after ESC of an SGR report (`[<0;12;5M`); nil when they are
    /// not one, or name a button or position that cannot be.
    public static func sgr(_ body: some StringProtocol) -> MouseEvent? {
        guard body.hasPrefix("[<"), let final = body.last, final == "M" || final == "m" else { return nil }
        let fields = body.dropFirst(2).dropLast().split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, let code = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]),
              code >= 0, column >= 1, row >= 1
        else { return nil }
        let button = code & 0b11
        let action: Action
        if code & 64 != 0 {
            guard button <= 1 else { return nil }  // 66 and 67: horizontal wheels, not reported
            action = button == 0 ? .wheelUp : .wheelDown
        } else if code & 32 != 0 {
            action = .drag(button: button)
        } else if final == "m" {
            action = .release(button: button)
        } else {
            guard button < 3 else { return nil }
            action = .press(button: button)
        }
        return MouseEvent(action, x: column - 1, y: row - 1)
    }
}
