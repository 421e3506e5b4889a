import Foundation

/// A handler that builds the tree of runs from the events it sees (LangChain's
/// `BaseTracer`). A run whose parent it never saw start is kept as a root.
public final class Tracer: RunEventHandler {
    /// A run as kept here: its tree (children not filled in), its children's and its
    /// root's places in `State.nodes`, and for a root, how many runs its trace has started.
    private struct Node {
        var tree: RunTree
        var children: [Int] = []
        var root: Int
        var started = 1
    }

    /// Runs in the order they started, found by id among the newest first, else through
    /// one index (which a start adds the run's id to).
    private struct State {
        var nodes: [Node] = []
        var index: [UUID: Int] = [:]
        var roots: [Int] = []
        /// Where the run of the last token is in `nodes`: a model's tokens come in a row,
        /// so most find their run without hashing its id (places never move).
        var tokenRun: (id: UUID, index: Int)?

        /// Room for a small chain's runs from the start, so that its first runs do not
        /// regrow the arrays and the index one after another.
        init() {
            nodes.reserveCapacity(8)
            index.reserveCapacity(8)
        }

        /// How many of the newest runs ``place(of:)`` looks at before it hashes.
        static let recentRuns = 8

        /// The place of run `id` in `nodes`. A run that ends, or starts a child, is most
        /// often one of the newest (a leaf just started, its parent just before it), so
        /// those are compared first and the index hashed only for older ones.
        func place(of id: UUID) -> Int? {
            var place = nodes.count - 1
            let stop = max(0, nodes.count - Self.recentRuns)
            while place >= stop {
                if nodes[place].tree.id == id { return place }
                place -= 1
            }
            return stop == 0 ? nil : index[id]
        }
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
        state.withLock { state in state.index[id].map { Self.build($0, state) } }
    }

    private static func build(_ index: Int, _ state: State) -> RunTree {
        let node = state.nodes[index]
        var tree = node.tree
        tree.childRuns = node.children.map { build($0, state) }
        return tree
    }

    /// Tokens take a direct path: no event value is built for them.
    public func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) throws {
        let now = clock()
        state.withLock { state in
            let index: Int
            if let cached = state.tokenRun, cached.id == run.runId {
                index = cached.index
            } else {
                guard let found = state.place(of: run.runId) else { return }
                index = found
                state.tokenRun = (run.runId, found)
            }
            state.nodes[index].tree.tokens.append(TokenEvent(text: token, time: now))
        }
    }

    public func handle(_ event: RunEvent, run: RunInfo) throws {
        let now = clock()
        state.withLock { state in
            if event.isStart {
                Self.start(run, event, now, &state)
            } else if let index = state.place(of: run.runId) {
                Self.update(&state.nodes[index].tree, event, now)
            }
        }
    }

    private static func start(_ run: RunInfo, _ event: RunEvent, _ now: Date, _ state: inout State) {
        let parent = run.parentRunId.flatMap { state.place(of: $0) }
        let place = state.place(of: run.runId) ?? state.nodes.count
        let root = parent.map { state.nodes[$0].root } ?? place
        var order = 1
        if root != place {
            state.nodes[root].started += 1
            order = state.nodes[root].started
        }
        let tree = RunTree(
            id: run.runId, parentRunId: run.parentRunId, name: run.name, runType: run.runType, startTime: now,
            inputs: TraceShapes.inputs(event), error: nil, tags: run.tags, metadata: run.metadata,
            extra: run.extra, executionOrder: order, tokens: [], events: [], childRuns: [])
        if place < state.nodes.count {
            // The same id started again: the run starts over where it was.
            state.nodes[place].tree = tree
            return
        }
        state.nodes.append(Node(tree: tree, root: root))
        state.index[run.runId] = place
        if let parent { state.nodes[parent].children.append(place) } else { state.roots.append(place) }
    }

    /// Applies a non-start event to a run, in place.
    private static func update(_ run: inout RunTree, _ event: RunEvent, _ now: Date) {
        switch event {
        case .newToken(let token, _):
            run.tokens.append(TokenEvent(text: token, time: now))
        case .retry(let retry):
            run.events.append(TraceEvent(name: "retry", time: now, data: [
                "attempt_number": .int(retry.attemptNumber), "error": .string(retry.error.description),
                "wait_seconds": .double(retry.waitSeconds),
            ]))
        case .custom(let name, let data):
            run.events.append(TraceEvent(name: "custom_event", time: now, data: ["name": .string(name), "data": data]))
        case .text(let text):
            run.events.append(TraceEvent(name: "text", time: now, data: .string(text)))
        default:
            finish(&run, event, now)
        }
    }

    private static func finish(_ run: inout RunTree, _ event: RunEvent, _ now: Date) {
        run.endTime = now
        run.error = event.error
        if case .llmEnd(let result) = event {
            run.outputStorage = .llmResult(result)
        } else if let outputs = TraceShapes.outputs(event) {
            run.outputs = outputs
        }
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
