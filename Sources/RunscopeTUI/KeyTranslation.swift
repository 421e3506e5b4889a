import RunscopeInspector
import TerminalUI

/// Terminal keys as inspector keys (also the history screens' keys).
public enum KeyTranslation {
    /// The inspector's key for a terminal key (`.other` for keys it does not use).
    public static func key(_ key: TerminalKey) -> Key {
        switch key {
        case .character(let c): return .char(c)
        case .control(3): return .ctrlC
        case .up: return .up
        case .down: return .down
        case .left: return .left
        case .right: return .right
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .home: return .home
        case .end: return .end
        case .enter: return .enter
        case .tab: return .tab
        case .backTab: return .backTab
        case .backspace: return .backspace
        case .delete: return .delete
        case .escape: return .escape
        default: return .other
        }
    }

    /// The inspector's mouse action for a report: a left press is a click, the wheel a
    /// step; nil for what it does not use (other buttons, releases, drags).
    public static func mouse(_ event: MouseEvent) -> MouseInput? {
        switch event.action {
        case .press(button: 0): return MouseInput(.click, x: event.x, y: event.y)
        case .wheelUp: return MouseInput(.wheelUp, x: event.x, y: event.y)
        case .wheelDown: return MouseInput(.wheelDown, x: event.x, y: event.y)
        default: return nil
        }
    }
}
