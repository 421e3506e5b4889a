import Foundation

/// How a chain is run: runtime callbacks, tags and metadata (inherited by every
/// nested run), a name and id for the outermost run, and the concurrency limit.
public struct RunConfig: Sendable {
    /// Runtime handlers: they see every nested run.
    public var callbacks: [any CallbackHandler]
    /// Tags for every run started with this config, inherited by nested runs.
    public var tags: [String]
    /// Metadata for every run, inherited by nested runs.
    public var metadata: ValueObject
    /// A name for the first run started with this config (not inherited).
    public var runName: String?
    /// An id for the first run started with this config (not inherited).
    public var runId: UUID?
    /// At most this many branches or batch items run at once (`nil`: no limit).
    public var maxConcurrency: Int?
    /// The manager handed down by an enclosing run (LangChain's child manager).
    var parent: CallbackManager?
    /// Call arguments bound with `bind` (e.g. `stop`, `tools`), for the next run only.
    public var callKwargs: ValueObject = [:]
    /// Asked before every tool call runs (`--approve-tools`); inherited by nested runs.
    public var toolApprover: (any ToolApprover)?
    /// Keeps each run's component, input and config so one step can run again; inherited.
    public var stepKeeper: (any StepKeeper)?

    /// A config with the given settings.
    public init(
        callbacks: [any CallbackHandler] = [], tags: [String] = [], metadata: ValueObject = [:],
        runName: String? = nil, runId: UUID? = nil, maxConcurrency: Int? = nil
    ) {
        self.callbacks = callbacks
        self.tags = tags
        self.metadata = metadata
        self.runName = runName
        self.runId = runId
        self.maxConcurrency = maxConcurrency
    }

    /// This config with `binding`'s settings merged in, as `RunnableBinding` does:
    /// tags unioned and sorted, metadata merged, callbacks added as inheritable.
    public func merged(with binding: RunConfig) -> RunConfig {
        var result = self
        result.tags = Array(Set(tags + binding.tags)).sorted()
        result.metadata = binding.metadata.merging(metadata)
        if var parent {
            for handler in binding.callbacks { parent.addHandler(handler, inherit: true) }
            result.parent = parent
        } else {
            result.callbacks = binding.callbacks + callbacks
        }
        result.runName = runName ?? binding.runName
        result.runId = runId ?? binding.runId
        result.maxConcurrency = maxConcurrency ?? binding.maxConcurrency
        result.toolApprover = toolApprover ?? binding.toolApprover
        result.stepKeeper = stepKeeper ?? binding.stepKeeper
        return result
    }

    /// Sends a custom event from inside a running lambda: it is reported on the
    /// lambda's run, as LangChain's `dispatch_custom_event` does.
    public func dispatchCustomEvent(_ name: String, data: Value) throws {
        guard let parent, let runId = parent.parentRunId else { return }
        let info = RunInfo(runId: runId, parentRunId: nil, name: name, runType: .chain, tags: parent.tags,
                           metadata: parent.metadata)
        try parent.dispatch(
            event: "on_custom_event", run: info, ignore: { $0.ignoreCustomEvent },
            { try $0.onCustomEvent(info, name: name, data: data) })
    }
}
