import Foundation
import RunscopeCore

/// The inspector's `StepKeeper`: every run of the in-process chain, kept by run id, so
/// that `E` can run one step again with an edited input. Runs arrive from the chain's
/// tasks; the UI thread looks them up. Cleared when the whole chain runs again.
public final class InspectorStepKeeper: StepKeeper {
    private let steps = Locked<[UUID: KeptStep]>([:])

    /// A keeper with nothing kept.
    public init() {}

    public func keep(_ step: KeptStep) {
        steps.withLock { $0[step.runId] = step }
    }

    /// The step run `runId` was, if it was kept.
    public func step(_ runId: UUID) -> KeptStep? {
        steps.withLock { $0[runId] }
    }

    /// Forgets every step (the chain runs again from the start).
    public func removeAll() {
        steps.withLock { $0.removeAll() }
    }
}
