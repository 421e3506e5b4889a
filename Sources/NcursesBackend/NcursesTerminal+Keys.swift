import CNcursesw
import Foundation
import TerminalUI

extension NcursesTerminal {
    /// Reads one key, waiting at most `timeoutMilliseconds` (0: do not wait); nil when none came.
    public func readKey(timeoutMilliseconds: Int) -> TerminalKey? {
        guard let window = runscope_stdscr() else { return .inputClosed }
        let timeout = Int32(max(0, timeoutMilliseconds))
        wtimeout(window, timeout)
        var code: wint_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let result = wget_wch(window, &code)
        if result == ERR {
            return noteError(timeout: timeout, started: started)
        }
        resetErrors()
        if result == KEY_CODE_YES { return Self.functionKey(Int32(bitPattern: code)) }
        if code == 27 { return readEscape(window) }
        return Self.character(UInt32(code))
    }

    /// Milliseconds to wait for the next character of an escape sequence ncurses gave up on.
    static let sequenceWait: Int32 = 50

    /// After an ESC ncurses did not match: reads the rest of the sequence (what has
    /// already arrived) as one key; a character that ends it otherwise is put back,
    /// so no key is lost.
    func readEscape(_ window: UnsafeMutablePointer<WINDOW>) -> TerminalKey {
        var body: [Unicode.Scalar] = []
        while true {
            // ncurses gives up on a sequence after ESCDELAY (25 ms); on a loaded machine its
            // bytes can come later still, so wait a little more before calling it a lone Esc.
            wtimeout(window, Self.sequenceWait)
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if result == ERR { return body.isEmpty ? .escape : .unknown(-1) }
            if result == KEY_CODE_YES {
                ungetch(Int32(bitPattern: code))
                return .escape
            }
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return .escape }
            body.append(scalar)
            switch EscapeSequence.progress(body) {
            case .incomplete: continue
            case .complete(let key): return key
            case .notASequence:
                for scalar in body.reversed() { unget_wch(wchar_t(bitPattern: scalar.value)) }
                return .escape
            }
        }
    }

    /// A KEY_* code as a key.
    static func functionKey(_ code: Int32) -> TerminalKey {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return .unknown(code)
        }
    }

    /// A wide character as a key (control characters by name).
    static func character(_ code: UInt32) -> TerminalKey {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0..<32: return .control(UInt8(code))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown(Int32(bitPattern: code)) }
            return .character(Character(scalar))
        }
    }
}
