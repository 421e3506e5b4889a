/// What a screen loop needs of a terminal (as ratatui's `Backend`): start and restore
/// it, its size, drawing a frame's changed cells, control sequences that draw nothing,
/// keys with a timeout, and the signal that asks the program to end. `NcursesTerminal`
/// (NcursesBackend) is the real one; tests use an in-memory one that takes scripted keys
/// and resizes and keeps every frame. Every call comes from the loop's one thread.
public protocol TerminalBackend: AnyObject {
    /// Takes over the terminal; throws when there is none.
    func start() throws
    /// Gives the terminal back. Safe to call twice, and without ``start()``.
    func restore()
    /// The screen size in cells.
    var size: (width: Int, height: Int) { get }
    /// Draws the changes of a frame and shows them.
    func draw(_ diff: BufferDiff)
    /// Sends a sequence that draws nothing (OSC 52 to set the clipboard), after what was drawn.
    func sendControl(_ sequence: String)
    /// Forces the next frame to repaint every cell.
    func invalidate()
    /// One key, waiting at most `timeoutMilliseconds` (0: do not wait); nil when none came.
    func readKey(timeoutMilliseconds: Int) -> TerminalKey?
    /// SIGINT, SIGTERM or SIGHUP, once received: the loop should end (its owner restores the terminal).
    var receivedSignal: Int32? { get }
    /// Hands the terminal to another program (an editor) while `body` runs: the screen and
    /// modes go back to what the shell had, then are taken back and the next frame repaints all.
    func handOver(_ body: () -> Void)
}
