import Foundation

/// Keeps what each run needs to run again on its own: the component that ran, the input
/// it got and the config it ran with. Set on ``RunConfig/stepKeeper``; every nested run
/// inherits it. The inspector keeps steps this way so that `E` can run one of them again
/// with an edited input (the prompt-iteration loop).
public protocol StepKeeper: Sendable {
    /// Called as a run starts (a streamed chain-like run: once its whole input has come,
    /// before its end is reported), so a step is kept before its end event is seen.
    func keep(_ step: KeptStep)
}

/// One run as it can be run again: the component, its input and its config.
public struct KeptStep: Sendable {
    /// The run this is.
    public var runId: UUID
    /// The component that ran (a binding's settings are in `config`).
    public var component: any Runnable
    /// The input the component got.
    public var input: Value
    /// The config it ran with, as its enclosing run handed it down.
    public var config: RunConfig

    /// A step with the given parts.
    public init(runId: UUID, component: any Runnable, input: Value, config: RunConfig) {
        self.runId = runId
        self.component = component
        self.input = input
        self.config = config
    }

    /// Runs the component again on `input` with the same config, as the first run of a
    /// new trace: the handlers, tags and metadata it inherited become its own, the call
    /// arguments bound to it (a model's tools, `stop`) stay, its name stays, its id is new
    /// (`runId`, or one made up). `streaming`: as `stream` runs it, tokens as they come.
    public func rerun(_ input: Value, runId: UUID? = nil, streaming: Bool = false) async throws -> Value {
        var config = self.config.detached()
        config.runId = runId
        if streaming { return try await component.streamValues(input, config: config).reduce() ?? .null }
        return try await component.invoke(input, config: config)
    }
}

extension RunConfig {
    /// This config as the start of a new trace: what it inherited from its enclosing runs
    /// (handlers, tags, metadata) becomes its own, and the run gets a new id.
    public func detached() -> RunConfig {
        var result = self
        if let parent {
            result.callbacks = parent.inheritableHandlers
            result.tags = parent.inheritableTags + tags.filter { !parent.inheritableTags.contains($0) }
            result.metadata = parent.inheritableMetadata.merging(metadata)
            result.parent = nil
        }
        result.runId = nil
        return result
    }

    /// Tells the step keeper, if any, that `component` runs as `runId` on `input` with this config.
    /// Generic, so that with no keeper (most runs) the component is never boxed.
    func keep(_ component: some Runnable, input: Value, runId: UUID) {
        guard let stepKeeper else { return }
        stepKeeper.keep(KeptStep(runId: runId, component: component, input: input, config: self))
    }
}
