import Foundation

/// A finished or running run with its nested runs, as a tracer records it.
public struct RunTree: Sendable {
    /// How a run stands.
    public enum Status: String, Sendable {
        case running, succeeded, failed, cancelled
        /// Stopped at a LangGraph interrupt, to be resumed (not a failure).
        case paused
        /// Ended by a LangGraph command that sent control elsewhere (not a failure).
        case routed
    }

    public var id: UUID
    /// The parent's id as the events gave it (it may be a run this tracer never saw).
    public var parentRunId: UUID?
    public var name: String
    public var runType: RunType
    public var startTime: Date
    public var endTime: Date?
    /// Inputs as LangChain's tracers keep them: an object (non-object inputs as `{"input": x}`).
    public var inputs: Value
    /// Outputs likewise (`{"output": x}`, `{"documents": [...]}`, an LLM result, ...).
    /// A model's result is kept as it came and shaped when read: most runs' outputs never are.
    public var outputs: Value? {
        get {
            switch outputStorage {
            case .value(let value): return value
            case .llmResult(let result): return result.serialized()
            }
        }
        set { outputStorage = .value(newValue) }
    }
    /// What ``outputs`` reads.
    var outputStorage: OutputStorage = .value(nil)
    public var error: RunError?
    public var tags: [String]
    public var metadata: ValueObject
    public var extra: ValueObject
    /// 1-based order in which runs of this trace started (the root is 1).
    public var executionOrder: Int
    /// Streamed tokens with their arrival times.
    public var tokens: [TokenEvent]
    /// Other events: retries, custom events and text, with their times.
    public var events: [TraceEvent]
    public var childRuns: [RunTree]

    /// The run's status.
    public var status: Status {
        if let error {
            if error.isCancellation { return .cancelled }
            if error.isInterrupt { return .paused }
            return error.isCommand ? .routed : .failed
        }
        return endTime == nil ? .running : .succeeded
    }

    /// The run's duration, if it has ended.
    public var duration: TimeInterval? { endTime.map { $0.timeIntervalSince(startTime) } }

    /// This run and all runs below it, depth first, in start order.
    public func flattened() -> [RunTree] {
        [self] + childRuns.flatMap { $0.flattened() }
    }
}

/// A run's outputs as a tracer keeps them: shaped, or a model's result not shaped yet.
enum OutputStorage: Sendable {
    case value(Value?)
    case llmResult(LLMResult)
}

/// A streamed token and when it arrived.
public struct TokenEvent: Sendable {
    public var text: String
    public var time: Date
}

/// A non-token event of a run (retry, custom event, text) and when it came.
public struct TraceEvent: Sendable {
    /// LangChain's event name (`retry`, `custom_event`, `text`).
    public var name: String
    public var time: Date
    public var data: Value
}
