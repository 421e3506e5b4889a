import CNcursesw
import Foundation
import TerminalUI

/// The terminal through ncursesw: set up with `newterm` (so a missing or unknown
/// TERM is an error, not an exit), raw mode, no echo, keypad, hidden cursor and
/// colours (none when the terminal has none or NO_COLOR is set); draws buffer
/// diffs and reads keys. Every call must come from one thread; call
/// ``restore()`` on every way out. While started, SIGINT/SIGTERM/SIGHUP are
/// reported through ``receivedSignal`` (the loop restores and exits), and crash
/// signals restore the terminal before the process dies.
public final class NcursesTerminal: TerminalBackend {
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var files: [UnsafeMutablePointer<FILE>] = []
    private var colors: ColorPairs?
    private var quickErrors = 0
    private let useColors: Bool
    private let useMouse: Bool
    private let marksFrames: Bool
    private var mouseOn = false
    private let signals = SignalWatcher()

    /// SIGINT, SIGTERM or SIGHUP, once received while the terminal is in use:
    /// the loop should restore the terminal and end (see ``SignalWatcher``).
    public var receivedSignal: Int32? { signals.receivedSignal }

    /// Whether colours are drawn (false in monochrome mode).
    public var hasColors: Bool { colors != nil }

    /// A terminal not yet started. `colors: false` forces monochrome; `mouse: false` leaves
    /// the mouse to the terminal (selecting text), with no reporting asked for.
    public init(colors: Bool = true, mouse: Bool = true) {
        useColors = colors && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        useMouse = mouse
        marksFrames = ProcessInfo.processInfo.environment[Self.frameMarksVariable] == "1"
    }

    /// The environment variable that, set to `1`, brackets each frame with window-title
    /// marks (``drawingTitle`` before, ``drawnTitle`` after): a test driving the real binary
    /// in tmux reads `#{pane_title}` with the screen and so never takes half a frame for a whole one.
    public static let frameMarksVariable = "RUNSCOPE_FRAME_MARKS"
    /// The window title while a frame is being written (with ``frameMarksVariable`` set).
    public static let drawingTitle = "runscope:drawing"
    /// The window title once a frame is written, and after the terminal is given back.
    public static let drawnTitle = "runscope:drawn"

    /// Sets the window title to `title` when frames are marked (OSC 2).
    private func markFrame(_ title: String) {
        if marksFrames { sendControl("\u{1B}]2;\(title)\u{07}") }
    }

    deinit { restore() }

    /// Takes over the terminal (the controlling tty, or stdin/stdout if there is none).
    public func start() throws {
        guard screen == nil else { return }
        runscope_setlocale()
        set_escdelay(25)
        let (output, input) = try openTerminal()
        guard let screen = newterm(nil, output, input) else {
            closeFiles()
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            throw TerminalError("cannot start the terminal UI: TERM=\(term) is not a terminal ncurses knows")
        }
        self.screen = screen
        set_term(screen)
        window = runscope_stdscr()
        runscope_install_restore_handlers()
        signals.start()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        teachKeySequences()
        intrflush(window, false)
        leaveok(window, true)
        curs_set(0)
        setUpColors()
        werase(window)
        wnoutrefresh(window)
        doupdate()
        if useMouse { enableMouse() }
    }

    /// Asks for SGR 1006 mouse reports, read as escape sequences (``EscapeSequence``): the
    /// terminfo's own mouse key (`kmous`, `ESC [<` under xterm-256color) is unbound so that
    /// ncurses does not take the report's first bytes for a key of its own.
    private func enableMouse() {
        define_key("\u{1B}[<", 0)
        sendControl(MouseEvent.enableReporting)
        mouseOn = true
        if let output = files.first { runscope_set_mouse_fd(fileno(output)) }
    }

    /// Binds the sequences of ``EscapeSequence/known`` that this terminal's terminfo lacks.
    private func teachKeySequences() {
        for (sequence, key) in EscapeSequence.known where key_defined(sequence) == 0 {
            if let code = Self.code(of: key) { define_key(sequence, code) }
        }
    }

    /// The KEY_* code of a key, for `define_key`.
    static func code(of key: TerminalKey) -> Int32? {
        switch key {
        case .home: return KEY_HOME
        case .end: return KEY_END
        case .pageUp: return KEY_PPAGE
        case .pageDown: return KEY_NPAGE
        case .insert: return KEY_IC
        case .delete: return KEY_DC
        case .up: return KEY_UP
        case .down: return KEY_DOWN
        case .left: return KEY_LEFT
        case .right: return KEY_RIGHT
        case .backTab: return KEY_BTAB
        case .enter: return KEY_ENTER
        default: return nil
        }
    }

    /// Gives the terminal back (leaves the alternate screen, shows the cursor). Safe to call twice.
    public func restore() {
        guard let screen else { return }
        markFrame(Self.drawnTitle)
        if mouseOn {
            sendControl(MouseEvent.disableReporting)
            runscope_set_mouse_fd(-1)
            mouseOn = false
        }
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        window = nil
        closeFiles()
        runscope_reset_restore_handlers()
        signals.stop()
    }

    /// The screen size in cells.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Draws the changes of a frame and shows them.
    public func draw(_ diff: BufferDiff) {
        guard let window else { return }
        markFrame(Self.drawingTitle)
        if diff.isFullRedraw { werase(window) }
        for run in diff.runs {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                put(cell, x: run.x + offset, y: run.y)
            }
        }
        wnoutrefresh(window)
        doupdate()
        markFrame(Self.drawnTitle)
    }

    /// Sends a control sequence that draws nothing (OSC 52 to set the clipboard), after
    /// what ncurses has drawn, on the same stream.
    public func sendControl(_ sequence: String) {
        guard screen != nil, let output = files.first else { return }
        fputs(sequence, output)
        fflush(output)
    }

    /// Forces the next frame to repaint every cell (after a resize or on request).
    public func invalidate() {
        guard let window else { return }
        clearok(window, true)
    }

    /// Leaves curses mode (mouse reports off, cursor shown) for `body`, then resumes it.
    public func handOver(_ body: () -> Void) {
        guard let window else { return body() }
        let hadMouse = mouseOn
        if hadMouse {
            sendControl(MouseEvent.disableReporting)
            runscope_set_mouse_fd(-1)
            mouseOn = false
        }
        def_prog_mode()
        curs_set(1)
        endwin()
        body()
        reset_prog_mode()
        curs_set(0)
        clearok(window, true)
        wrefresh(window)
        if hadMouse { enableMouse() }
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var attrs = runscope_a_normal()
        let style = cell.style
        if style.bold { attrs |= runscope_a_bold() }
        if style.dim { attrs |= runscope_a_dim() }
        if style.italic { attrs |= runscope_a_italic() }
        if style.underline { attrs |= runscope_a_underline() }
        if style.reverse { attrs |= runscope_a_reverse() }
        var pair: Int32 = 0
        if colors != nil, let chosen = colors?.pair(for: style) {
            pair = chosen.pair
            attrs |= chosen.extra
        }
        let scalars = cell.symbol.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        _ = scalars.withUnsafeBufferPointer { chars in
            runscope_put_cell(Int32(y), Int32(x), chars.baseAddress, Int32(chars.count), attrs, pair)
        }
    }

    private func setUpColors() {
        guard useColors, has_colors() else { return }
        start_color()
        let defaults = use_default_colors() == OK
        colors = ColorPairs(colorCount: runscope_colors(), pairCount: runscope_color_pairs(), defaultColors: defaults)
    }

    /// The controlling tty for both directions, else stdin and stdout.
    private func openTerminal() throws -> (UnsafeMutablePointer<FILE>, UnsafeMutablePointer<FILE>) {
        if let tty = fopen("/dev/tty", "r+") {
            files = [tty]
            return (tty, tty)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
              let output = fdopen(dup(STDOUT_FILENO), "w"), let input = fdopen(dup(STDIN_FILENO), "r")
        else { throw TerminalError("cannot start the terminal UI: no terminal (not a tty, and /dev/tty cannot be opened)") }
        files = [output, input]
        return (output, input)
    }

    private func closeFiles() {
        for file in files { fclose(file) }
        files = []
    }

    /// ERR from get_wch: a timeout, or, when it keeps coming back at once, end of input.
    func noteError(timeout: Int32, started: UInt64) -> TerminalKey? {
        let elapsed = DispatchTime.now().uptimeNanoseconds - started
        guard timeout > 0, elapsed < UInt64(timeout) * 250_000 else {
            quickErrors = 0
            return nil
        }
        quickErrors += 1
        return quickErrors > 50 ? .inputClosed : nil
    }

    func resetErrors() { quickErrors = 0 }
}
