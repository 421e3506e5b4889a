import Foundation
import RunscopeInspector
import RunscopeTUI
import TerminalUI

/// What a screen gets from the terminal.
enum ScreenEvent {
    case key(Key)
    case mouse(MouseInput)
    case resize(width: Int, height: Int)
}

/// Runs one screen on a started terminal: draws it when it changed (only the cells that
/// changed), reads keys and the mouse, reports resizes, and stops when the screen says so, input ends,
/// or SIGINT/SIGTERM/SIGHUP comes (the terminal's owner then restores it). One thread.
final class ScreenLoop {
    let terminal: any TerminalBackend
    private var previous = Buffer(width: 0, height: 0)

    /// A loop over `terminal` (already started).
    init(terminal: any TerminalBackend) {
        self.terminal = terminal
    }

    /// The terminal's size now.
    var size: (width: Int, height: Int) { terminal.size }

    /// Repaints every cell on the next frame (after another screen drew over this one).
    func invalidate() {
        previous = Buffer(width: 0, height: 0)
        terminal.invalidate()
    }

    /// Draws `render()` whenever `revision()` moved and hands events to `handle` until it
    /// returns false; `idle` is called when 100 ms pass without a key. Returns the signal
    /// that stopped it, if one did.
    func run(revision: () -> Int, render: () -> Buffer, idle: () -> Void = {}, handle: (ScreenEvent) -> Bool) -> Int32? {
        var drawn: Int?
        while true {
            if let signal = terminal.receivedSignal { return signal }
            if drawn != revision() || previous.width == 0 {
                drawn = revision()
                let buffer = render()
                terminal.draw(buffer.diff(from: previous))
                previous = buffer
            }
            guard let key = terminal.readKey(timeoutMilliseconds: 100) else {
                idle()
                continue
            }
            switch key {
            case .inputClosed: return nil
            case .mouse(let event):
                guard let input = KeyTranslation.mouse(event) else { continue }
                if !handle(.mouse(input)) { return nil }
            case .resize:
                let size = terminal.size
                if !handle(.resize(width: size.width, height: size.height)) { return nil }
            default:
                if !handle(.key(KeyTranslation.key(key))) { return nil }
            }
        }
    }
}
