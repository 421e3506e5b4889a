import Foundation

/// Who a run is: its id, parent, name, type, tags and metadata. One instance is
/// made when the run starts and passed with every event of that run.
public final class RunInfo: Sendable {
    public let runId: UUID
    /// The enclosing run, or `nil` at the root.
    public let parentRunId: UUID?
    public let name: String
    public let runType: RunType
    /// Tags in LangChain's order (inherited ones first, step tag, then local ones).
    public let tags: [String]
    public let metadata: ValueObject
    /// The component's serialized form, when LangChain sends one (prompts, models).
    public let serialized: Value?
    /// Extra start data: `invocation_params`, `options`, `batch_size`.
    public let extra: ValueObject

    /// Describes a run.
    public init(
        runId: UUID, parentRunId: UUID?, name: String, runType: RunType, tags: [String] = [],
        metadata: ValueObject = [:], serialized: Value? = nil, extra: ValueObject = [:]
    ) {
        self.runId = runId
        self.parentRunId = parentRunId
        self.name = name
        self.runType = runType
        self.tags = tags
        self.metadata = metadata
        self.serialized = serialized
        self.extra = extra
    }
}
