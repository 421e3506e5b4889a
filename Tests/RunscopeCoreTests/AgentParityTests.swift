import RunscopeCore
import RunscopeTestSupport
import Testing

/// Runs the Swift agent on the cases LangGraph recorded (`Fixtures/langgraph/`, made
/// by `scripts/make_agent_traces.py` with langchain 1.5.2 and langgraph 1.2.24) and
/// compares the runs: tree, names, run types, tags in order, tokens, how each run
/// ended, and the `langgraph_*` metadata other than ids.
@Suite struct AgentParityTests {
    /// One event as the agent comparison sees it.
    struct Shape: Equatable, CustomStringConvertible {
        var base: EventShape
        /// Start events: the `langgraph_*` metadata (the checkpoint namespace without its id) and `lc_agent_name`.
        var graph: String?
        /// Error events: the error's type.
        var errorType: String?

        var description: String { "\(base)\(graph.map { " \($0)" } ?? "")\(errorType.map { " !\($0)" } ?? "")" }
    }

    static let cases = [
        "agent_one_tool", "agent_parallel_tools", "agent_sequential_steps", "agent_handled_tool_error",
        "agent_unhandled_tool_error", "agent_step_limit", "agent_unknown_tool", "agent_tour",
    ]

    /// The metadata compared: `langgraph_*` (checkpoint namespace up to its id) and `lc_agent_name`.
    static func graphMetadata(_ metadata: ValueObject) -> String? {
        var parts: [String] = []
        for key in metadata.keys.sorted() where key.hasPrefix("langgraph_") || key == "lc_agent_name" {
            var value = metadata[key]!
            if key == "langgraph_checkpoint_ns", let text = value.stringValue {
                value = .string(String(text.prefix { $0 != ":" }))
            }
            parts.append("\(key)=\(value.jsonString())")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// LangGraph's recorded events; its fake model's empty token for the tool-call
    /// chunk is left out (runscope sends no token event for a chunk without text).
    static func expected(_ file: String) throws -> [Shape] {
        let records = try Fixtures.jsonLines("langgraph/\(file)").filter { $0["event"] != nil }
        let bases = try Fixtures.langchainEvents("langgraph/\(file)")
        return zip(records, bases).compactMap { record, base in
            if base.event == "on_llm_new_token", base.token == "" { return nil }
            return Shape(
                base: base, graph: base.event.hasSuffix("_start") ? graphMetadata(record["metadata"]?.objectValue ?? [:]) : nil,
                errorType: record["error"]?["__error__"]?.stringValue)
        }
    }

    static func actual(_ collector: EventCollector) -> [Shape] {
        zip(collector.all, collector.shapes()).map { record, base in
            var errorType: String?
            switch record.event {
            case .chainError(let error, _), .toolError(let error), .llmError(let error, _): errorType = error.type
            default: break
            }
            return Shape(base: base, graph: base.event.hasSuffix("_start") ? graphMetadata(record.run.metadata) : nil,
                         errorType: errorType)
        }
    }

    static func run(_ name: String, mode: ParityTests.Mode) async -> (EventCollector, Result<Value, any Error>) {
        let (agent, input) = AgentCases.agent(name)
        return await ParityTests.run(agent, input, mode: mode)
    }

    static func compare(_ actual: [Shape], _ expected: [Shape]) {
        #expect(actual.count == expected.count, "event count")
        for (index, pair) in zip(actual, expected).enumerated() where pair.0 != pair.1 {
            Issue.record("event \(index + 1) differs:\n  runscope:  \(pair.0)\n  langgraph: \(pair.1)")
            return
        }
    }

    /// Tool nodes of one step run concurrently: compare each run's events in order and the tree.
    static func perRun(_ shapes: [Shape]) -> [String: [String]] {
        Fixtures.perRun(shapes.map(\.base)).merging(
            Dictionary(grouping: shapes.filter { $0.graph != nil || $0.errorType != nil }, by: { "\($0.base.name ?? "-")\($0.base.tags)" })
                .mapValues { $0.map { "\($0.graph ?? "") \($0.errorType ?? "")" } },
            uniquingKeysWith: { $0 + $1 })
    }

    @Test(arguments: cases)
    func invoke(_ name: String) async throws {
        let (collector, result) = await Self.run(name, mode: .invoke)
        try check(name, "invoke", collector, result)
    }

    @Test(arguments: cases)
    func stream(_ name: String) async throws {
        let (collector, result) = await Self.run(name, mode: .stream)
        try check(name, "stream", collector, result)
    }

    @Test func namedAgent() async throws {
        let (collector, result) = await Self.run("agent_named", mode: .invoke)
        try check("agent_named", "invoke", collector, result)
        #expect(collector.all.first?.run.name == "weather_agent")
    }

    private func check(_ name: String, _ mode: String, _ collector: EventCollector, _ result: Result<Value, any Error>) throws {
        let expected = try Self.expected("\(name).\(mode).events.jsonl")
        let actual = Self.actual(collector)
        if ["agent_parallel_tools", "agent_tour"].contains(name) {
            #expect(Self.perRun(actual) == Self.perRun(expected))
        } else {
            Self.compare(actual, expected)
        }
        try checkResult(name, mode, result)
    }

    /// The final conversation (roles, texts, tool statuses) or the error, as LangGraph's.
    private func checkResult(_ name: String, _ mode: String, _ result: Result<Value, any Error>) throws {
        let recorded = try JSONParser.parse(try Fixtures.text("langgraph/\(name).\(mode).result.json"))
        if recorded["ok"] == false {
            #expect(throws: (any Error).self) { try result.get() }
            if case .failure(let error) = result {
                #expect(RunError(error).type == recorded["raised"]?["type"]?.stringValue)
            }
            return
        }
        guard mode == "invoke" else { return }
        let messages = try result.get().agentMessages
        let expected = recorded["output"]?["messages"]?.arrayValue ?? []
        #expect(messages.map(\.className) == expected.map { $0["__msg__"]?.stringValue ?? "" })
        #expect(messages.map(\.content) == expected.map { $0["content"]?.stringValue ?? "" })
        #expect(messages.map { $0.role == .tool ? $0.status.rawValue : "" } == expected.map { $0["status"]?.stringValue ?? "" })
    }
}
