import Foundation

/// A handler that builds the tree of runs from the events it sees (LangChain's
/// `BaseTracer`). A run whose parent it never saw start is kept as a root.
public final class Tracer: RunEventHandler {
    private struct State {
        var runs: [UUID: RunTree] = [:]
        var children: [UUID: [UUID]] = [:]
        var roots: [UUID] = []
        var rootOf: [UUID: UUID] = [:]
        var started: [UUID: Int] = [:]
        /// Where the run of the last token is in `runs`: a model's tokens come in a row,
        /// so most find their run without hashing its id. Cleared when a run is added
        /// (which may move the others); `runs` loses none.
        var tokenRun: (id: UUID, index: Dictionary<UUID, RunTree>.Index)?
    }

    private let state = Locked(State())
    private let clock: @Sendable () -> Date

    /// An empty tracer; `clock` gives event times (a replay passes the recorded ones).
    public init(clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
    }

    /// The trees of runs seen so far, roots in start order.
    public var runs: [RunTree] {
        state.withLock { state in state.roots.map { Self.build($0, state) } }
    }

    /// One run (with its subtree) by id.
    public func run(_ id: UUID) -> RunTree? {
        state.withLock { state in state.runs.index(forKey: id) == nil ? nil : Self.build(id, state) }
    }

    private static func build(_ id: UUID, _ state: State) -> RunTree {
        var tree = state.runs[id]!
        tree.childRuns = (state.children[id] ?? []).map { build($0, state) }
        return tree
    }

    /// Tokens take a direct path: no event value is built for them.
    public func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) throws {
        let now = clock()
        state.withLock { state in
            let index: Dictionary<UUID, RunTree>.Index
            if let cached = state.tokenRun, cached.id == run.runId {
                index = cached.index
            } else {
                guard let found = state.runs.index(forKey: run.runId) else { return }
                index = found
                state.tokenRun = (run.runId, found)
            }
            state.runs.values[index].tokens.append(TokenEvent(text: token, time: now))
        }
    }

    public func handle(_ event: RunEvent, run: RunInfo) throws {
        let now = clock()
        state.withLock { state in
            if event.isStart {
                Self.start(run, event, now, &state)
            } else if let index = state.runs.index(forKey: run.runId) {
                Self.update(index, event, now, &state)
            }
        }
    }

    private static func start(_ run: RunInfo, _ event: RunEvent, _ now: Date, _ state: inout State) {
        let parent = run.parentRunId.flatMap { state.runs.index(forKey: $0) == nil ? nil : $0 }
        let root = parent.flatMap { state.rootOf[$0] } ?? run.runId
        let order = (state.started[root] ?? 0) + 1
        state.started[root] = order
        state.rootOf[run.runId] = root
        if let parent { state.children[parent, default: []].append(run.runId) } else { state.roots.append(run.runId) }
        state.tokenRun = nil
        state.runs[run.runId] = RunTree(
            id: run.runId, parentRunId: run.parentRunId, name: run.name, runType: run.runType, startTime: now,
            inputs: TraceShapes.inputs(event), outputs: nil, error: nil, tags: run.tags, metadata: run.metadata,
            extra: run.extra, executionOrder: order, tokens: [], events: [], childRuns: [])
    }

    /// Applies a non-start event to the run at `index` in `state.runs` (found once:
    /// changing a run's fields in place moves no run, so the index holds).
    private static func update(_ index: Dictionary<UUID, RunTree>.Index, _ event: RunEvent, _ now: Date, _ state: inout State) {
        switch event {
        case .newToken(let token, _):
            state.runs.values[index].tokens.append(TokenEvent(text: token, time: now))
        case .retry(let retry):
            state.runs.values[index].events.append(TraceEvent(name: "retry", time: now, data: [
                "attempt_number": .int(retry.attemptNumber), "error": .string(retry.error.description),
                "wait_seconds": .double(retry.waitSeconds),
            ]))
        case .custom(let name, let data):
            state.runs.values[index].events.append(
                TraceEvent(name: "custom_event", time: now, data: ["name": .string(name), "data": data]))
        case .text(let text):
            state.runs.values[index].events.append(TraceEvent(name: "text", time: now, data: .string(text)))
        default:
            finish(&state.runs.values[index], event, now)
        }
    }

    private static func finish(_ run: inout RunTree, _ event: RunEvent, _ now: Date) {
        run.endTime = now
        run.error = event.error
        if let outputs = TraceShapes.outputs(event) { run.outputs = outputs }
        if case .chainEnd(_, let inputs?) = event { run.inputs = TraceShapes.wrap(inputs, "input") }
        if case .chainError(_, let inputs?) = event { run.inputs = TraceShapes.wrap(inputs, "input") }
    }
}

/// How tracers shape inputs and outputs (LangChain's "original" run schema: objects,
/// others wrapped as `{"input": x}` / `{"output": x}`); the history keeps runs the same way.
public enum TraceShapes {
    /// An object as-is; anything else as `{key: value}`.
    public static func wrap(_ value: Value, _ key: String) -> Value {
        if case .object = value { return value }
        return .object([key: value])
    }

    /// The inputs a start event carries.
    public static func inputs(_ event: RunEvent) -> Value {
        switch event {
        case .chainStart(let inputs): return wrap(inputs, "input")
        case .chatModelStart(let messages): return ["messages": .array(messages.map { .array($0.map(Value.message)) })]
        case .llmStart(let prompts): return ["prompts": .array(prompts.map(Value.string))]
        case .toolStart(let input, let inputs): return inputs ?? ["input": .string(input)]
        case .retrieverStart(let query): return ["query": .string(query)]
        default: return [:]
        }
    }

    /// The outputs an end event carries.
    public static func outputs(_ event: RunEvent) -> Value? {
        switch event {
        case .chainEnd(let outputs, _): return wrap(outputs, "output")
        case .llmEnd(let result): return result.serialized()
        case .toolEnd(let output): return ["output": output]
        case .retrieverEnd(let documents): return ["documents": .array(documents.map(Value.document))]
        default: return nil
        }
    }
}
