import Foundation

/// Running one step again (`E`) and comparing it with its original (`d`).
extension InspectorState {
    /// `E`: asks the app to open the selected run's input in the editor and run that step
    /// again, unless it cannot be run again here (a recording, or the chain still running).
    mutating func editStep() -> [InspectorEffect] {
        guard let selected else {
            message = "No run to run again"
            return []
        }
        guard playback == nil else {
            message = "A recorded run cannot run again: E runs a step of a chain running here (runscope CHAIN)"
            return []
        }
        guard !chain.isRunning else {
            message = "Wait for the run to end (or ^C it) before running a step again"
            return []
        }
        return [.editStep(run: selected)]
    }

    /// A step began to run again as a new trace, root `rerun`: it is followed like a chain run.
    mutating func startStepRerun(original: UUID, rerun: UUID, at time: Date) {
        reruns[rerun] = original
        awaitedRerun = rerun
        chain = .running
        chainStart = time
        chainEnd = nil
        chainError = nil
        now = time
        cancelRequested = false
        follow = true
        let name = forest.index(of: original).map { forest[$0].name } ?? "the step"
        message = "Running \(name) again · d compares it with the original"
    }

    /// `d`: compares the run again under the selection with its original, or the selected
    /// original with the last time it ran again.
    mutating func compareRerun() -> [InspectorEffect] {
        guard let selected else {
            message = "No run to compare"
            return []
        }
        let root = forest.root(of: selected)
        if let originalId = reruns[forest[root].id] {
            guard let original = forest.index(of: originalId) else {
                message = "The original of this run is no longer shown"
                return []
            }
            return [.compareRuns(original: original, rerun: root)]
        }
        for candidate in [selected] + forest.ancestors(of: selected) {
            let id = forest[candidate].id
            let latest = reruns.filter { $0.value == id }.compactMap { forest.index(of: $0.key) }.max()
            if let latest { return [.compareRuns(original: candidate, rerun: latest)] }
        }
        message = "d compares a step run again (E) with its original: select either"
        return []
    }
}
