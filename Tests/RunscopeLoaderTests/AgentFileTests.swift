import Foundation
import RunscopeCore
import RunscopeLoader
import Testing

/// Agents in chain files: the example, scripted tools, their schemas and failures.
@Suite struct AgentFileTests {
    static func load(_ text: String) throws -> LoadedChain {
        try ChainFile.load(text: text, file: "agent.json")
    }

    static let model = #"{"model": "scripted", "token_delay": 0, "messages": [{"content": "Let me check.", "tool_calls": [{"name": "get_weather", "args": {"city": "Paris"}, "id": "call_1"}, {"name": "calculator", "args": {"expression": "2 + 3"}, "id": "call_2"}]}, {"content": "It is sunny in Paris, and 2 + 3 = 5."}]}"#

    static func agent(tools: String, extra: String = "") -> String {
        #"{"input": {"messages": [["human", "Weather in Paris, and what is 2 + 3?"]]}, "chain": {"agent": {"model": \#(model), "tools": \#(tools), "system": "You are a helpful assistant."\#(extra)}}}"#
    }

    static let weather = #"{"name": "get_weather", "description": "Current weather for a city.", "parameters": {"city": "string"}, "returns": "It is sunny in {city}."}"#

    @Test func theIssuesExampleRunsBothToolsAndAnswers() async throws {
        let chain = try Self.load(Self.agent(tools: "[\"calculator\", \(Self.weather)]"))
        #expect(chain.warnings.isEmpty)
        let tracer = Tracer()
        let output = try await chain.runnable.invoke(chain.defaultInput!, config: RunConfig(callbacks: [tracer]))
        let messages = output.agentMessages
        #expect(messages.map(\.content) == [
            "Weather in Paris, and what is 2 + 3?", "Let me check.", "It is sunny in Paris.", "5", "It is sunny in Paris, and 2 + 3 = 5.",
        ])
        let root = try #require(tracer.runs.first)
        #expect(root.name == "LangGraph")
        #expect(root.childRuns.map(\.name) == ["model", "tools", "tools", "model"])
        #expect(root.childRuns.map(\.tags) == [["graph:step:1"], ["graph:step:2"], ["graph:step:2"], ["graph:step:3"]])
    }

    @Test func scriptedToolsAreDescribedAsJSONSchema() throws {
        let chain = try Self.load(Self.agent(tools: "[\(Self.weather), {\"name\": \"lookup\", \"parameters\": {\"type\": \"object\", \"properties\": {\"q\": {\"type\": \"string\"}}}, \"returns\": \"{q}\"}]"))
        let agent = try #require(chain.runnable as? Agent)
        #expect(agent.tools.map(\.spec.parameters) == [
            ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]],
            ["type": "object", "properties": ["q": ["type": "string"]]],
        ])
        #expect(agent.systemPrompt == "You are a helpful assistant." && agent.recursionLimit == 25)
    }

    @Test func approveTrueMarksAToolWhoseCallsWaitForTheUser() async throws {
        let asking = Self.weather.replacingOccurrences(of: #""returns""#, with: #""approve": true, "returns""#)
        let retriever = #"{"name": "search", "retriever": {"documents": ["a"]}, "approve": true}"#
        let chain = try Self.load(Self.agent(tools: "[\"calculator\", \(asking), \(retriever)]"))
        #expect(chain.warnings.isEmpty, "\(chain.warnings)")
        #expect(chain.approvalTools == ["get_weather", "search"])
        let agent = try #require(chain.runnable as? Agent)
        #expect(agent.tools.map(\.asksForApproval) == [false, true, true])
        // The approver hears which tool asks; without one nothing waits.
        final class Asked: ToolApprover {
            let seen = Locked<[String: Bool]>([:])
            func review(_ request: ToolApprovalRequest) async throws -> ToolDecision {
                seen.withLock { $0[request.call.name] = request.toolAsks }
                return .approve
            }
        }
        let asked = Asked()
        var config = RunConfig()
        config.toolApprover = asked
        _ = try await chain.runnable.invoke(chain.defaultInput!, config: config)
        #expect(asked.seen.withLock { $0 } == ["get_weather": true, "calculator": false])
    }

    @Test func approveMustBeABoolean() {
        let bad = Self.weather.replacingOccurrences(of: #""returns""#, with: #""approve": "yes", "returns""#)
        #expect { try Self.load(Self.agent(tools: "[\(bad)]")) } throws: { error in
            "\(error)".contains("agent.json") && "\(error)".contains("approve")
        }
    }

    @Test func aNameRenamesTheAgentsRun() async throws {
        let text = Self.agent(tools: "[\"calculator\", \(Self.weather)]").replacingOccurrences(
            of: #""chain": {"agent""#, with: #""chain": {"name": "weather_agent", "agent""#)
        let chain = try Self.load(text)
        let tracer = Tracer()
        _ = try await chain.runnable.invoke(chain.defaultInput!, config: RunConfig(callbacks: [tracer]))
        #expect(tracer.runs.first?.name == "weather_agent")
        #expect(tracer.runs.first?.childRuns.first?.metadata["lc_agent_name"] == "weather_agent")
    }

    @Test func anUnhandledToolErrorFailsTheAgent() async throws {
        let failing = #"{"name": "get_weather", "parameters": {"city": "string"}, "error": "no station in {city}", "raise": true}"#
        let chain = try Self.load(Self.agent(tools: "[\"calculator\", \(failing)]"))
        let tracer = Tracer()
        await #expect { try await chain.runnable.invoke(chain.defaultInput!, config: RunConfig(callbacks: [tracer])) } throws: {
            "\($0)" == "no station in Paris"
        }
        let root = try #require(tracer.runs.first)
        #expect(root.error?.type == "ToolException")
        let failedNode = try #require(root.childRuns.first { $0.error != nil })
        #expect(failedNode.name == "tools" && failedNode.childRuns.first?.error?.message == "no station in Paris")
    }

    @Test func aHandledToolErrorIsAToolMessageWithStatusError() async throws {
        let failing = #"{"name": "get_weather", "parameters": {"city": "string"}, "error": "no station in {city}"}"#
        let chain = try Self.load(Self.agent(tools: "[\"calculator\", \(failing)]"))
        let output = try await chain.runnable.invoke(chain.defaultInput!)
        let tool = output.agentMessages.first { $0.name == "get_weather" }
        #expect(tool?.status == .error && tool?.content == "no station in Paris")
    }

    @Test func aRetrieverToolAnswersWithTheDocuments() async throws {
        let model = #"{"model": "scripted", "token_delay": 0, "messages": [{"content": "", "tool_calls": [{"name": "search", "args": {"query": "cats boxes"}}]}, "Boxes."]}"#
        let text = #"{"chain": {"agent": {"model": \#(model), "tools": [{"name": "search", "retriever": {"documents": ["Cats like boxes.", "Dogs like walks."], "k": 1}}]}}}"#
        let output = try await Self.load(text).runnable.invoke("What do cats like?")
        let tool = output.agentMessages.first { $0.role == .tool }
        #expect(tool?.content == "Cats like boxes." && tool?.toolCallId == "call_1")
    }
}
