import RunscopeHistory
import TerminalUI

/// The diff split view on a terminal, until q or Esc.
struct DiffScreen {
    let diff: RunDiff
    let terminal: any TerminalBackend

    /// Shows the diff; returns the signal that ended it, if one did.
    func run() -> Int32? {
        let loop = ScreenLoop(terminal: terminal)
        loop.invalidate()
        let size = loop.size
        var state = DiffSplitState(diff: diff, width: size.width, height: size.height)
        _ = reduce(&state, .resize(width: size.width, height: size.height))
        return loop.run(revision: { state.revision }, render: { DiffSplitView().render(state) }) { event in
            switch event {
            case .key(let key): return !reduce(&state, .key(key))
            case .mouse(let input): return !reduce(&state, .mouse(input))
            case .resize(let width, let height): return !reduce(&state, .resize(width: width, height: height))
            }
        }
    }
}
