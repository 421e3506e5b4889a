import Foundation
import RunscopeCore

/// Notices when every run that started has ended.
final class FinishWatcher: RunEventHandler {
    private let open = Locked((started: 0, running: Set<UUID>()))

    var allEnded: Bool { open.withLock { $0.started > 0 && $0.running.isEmpty } }

    func handle(_ event: RunEvent, run: RunInfo) throws {
        open.withLock { state in
            if event.isStart {
                state.started += 1
                state.running.insert(run.runId)
            } else if event.isEnd {
                state.running.remove(run.runId)
            }
        }
    }
}
