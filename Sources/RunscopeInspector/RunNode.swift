import Foundation
import RunscopeCore
import RunscopePricing

/// One run as the inspector keeps it: who it is, how it stands, what went in
/// and out, the tokens it streamed, and counts over the runs below it.
public struct RunNode: Sendable {
    public let id: UUID
    /// The parent's id as the events gave it (possibly a run never seen).
    public var parentId: UUID?
    /// The parent's index in the forest, once that run has been seen.
    public var parent: Int?
    public var name: String
    public var runType: RunType
    public var tags: [String]
    public var metadata: ValueObject
    public var extra: ValueObject
    public var status: RunStatus
    public var startTime: Date
    public var endTime: Date?
    /// Nesting level (0 for roots).
    public var depth: Int = 0
    /// Child indices in start order.
    public var children: [Int] = []
    /// Whether the children are shown.
    public var expanded: Bool = true
    public var inputs: Value?
    public var outputs: Value?
    public var error: RunError?
    /// The child that failed with the error that ended this run, if any.
    public var failedChild: Int?
    /// 1-based order in which runs of this trace started.
    public var executionOrder: Int = 0
    /// Whether the start event was seen (false when created from a later event).
    public var sawStart: Bool = true
    /// Streamed text (model runs).
    public var text: String = ""
    public var tokenCount: Int = 0
    public var firstTokenTime: Date?
    public var lastTokenTime: Date?
    public var finishReason: String?
    public var usage: UsageMetadata?
    /// Where this model run's price is in the forest's table (``RunForest/price(of:)``), if it has one.
    public var priceEntry: Int?
    /// What this model run's usage cost in US dollars, when its model has a price.
    public var cost: Double?
    /// Usage and cost of this run and every run below it (``Rollup``).
    public var rollup = Rollup()
    /// Model runs below this one, in start order: what a chain's Stream tab shows.
    public var streamSources: [Int] = []
    /// Number of runs below this one.
    public var descendantCount: Int = 0
    /// Runs below this one that are waiting or running.
    public var activeDescendants: Int = 0
    /// Runs below this one that failed.
    public var failedDescendants: Int = 0
    /// Retries reported on this run, and custom events and text it sent.
    public var notes: [String] = []
    /// Bumped when anything but the streamed text changes (for view caches).
    public var version: Int = 0
    /// The LangGraph step of a graph node run (`model · step 3`), from its metadata.
    public var graphStep: Int?
    /// Tagged `langsmith:hidden` (LangGraph plumbing): hidden with its subtree unless shown.
    public var isHidden: Bool
    /// A tool run's call as one line, `get_weather(city: "Paris")`, from its start's inputs.
    public var toolCall: String?

    /// A run just started.
    public init(info: RunInfo, status: RunStatus, time: Date) {
        id = info.runId
        parentId = info.parentRunId
        name = info.name
        runType = info.runType
        tags = info.tags
        metadata = info.metadata
        extra = info.extra
        self.status = status
        startTime = time
        graphStep = LangGraphTraits.graphStep(name: info.name, runType: info.runType, tags: info.tags, metadata: info.metadata)
        isHidden = info.tags.contains(LangGraphTraits.hiddenTag)
    }

    /// Whether this run belongs to a LangGraph graph (it carries step metadata).
    public var isInGraph: Bool { LangGraphTraits.isInGraph(metadata) }

    /// Seconds from start to end, or to `now` while running.
    public func elapsed(now: Date) -> TimeInterval {
        max(0, (endTime ?? now).timeIntervalSince(startTime))
    }

    /// Seconds from start to the first token.
    public var timeToFirstToken: TimeInterval? {
        firstTokenTime.map { $0.timeIntervalSince(startTime) }
    }

    /// Average tokens per second while streaming (first to last token, or to `now` while running).
    public func tokensPerSecond(now: Date) -> Double? {
        guard let first = firstTokenTime, tokenCount > 1 else { return nil }
        let last = status.isActive ? now : (lastTokenTime ?? now)
        let seconds = last.timeIntervalSince(first)
        return seconds > 0 ? Double(tokenCount - 1) / seconds : nil
    }

    /// Whether this run or any run below it failed.
    public var hasFailure: Bool { status.isFailure || failedDescendants > 0 }
}
