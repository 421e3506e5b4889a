import Foundation
import RunscopeCore
import Testing

/// `RunConfig.toolApprover`: every tool call of an agent or a `ToolExecutor` waits for its
/// decision; approve runs it as called, edit with the new arguments, reject not at all (the
/// model gets LangChain's rejection message). The approver is the seam the inspector fills.
@Suite struct ToolApprovalTests {
    /// Answers each request with the next decision and keeps what it was asked.
    final class Decider: ToolApprover {
        private let decisions: Locked<[ToolDecision]>
        let asked = Locked<[ToolApprovalRequest]>([])
        init(_ decisions: [ToolDecision]) { self.decisions = Locked(decisions) }
        func review(_ request: ToolApprovalRequest) async throws -> ToolDecision {
            asked.withLock { $0.append(request) }
            return decisions.withLock { $0.isEmpty ? .approve : $0.removeFirst() }
        }
    }

    static func run(_ decider: Decider, collector: EventCollector = EventCollector()) async throws -> [Message] {
        var config = RunConfig(callbacks: [collector])
        config.toolApprover = decider
        let output = try await AgentTests.weatherAgent(AgentTests.oneCall).invoke("Weather in Oslo?", config: config)
        return output.agentMessages
    }

    @Test func anApprovedCallRunsAsTheModelMadeIt() async throws {
        let decider = Decider([.approve])
        let collector = EventCollector()
        let messages = try await Self.run(decider, collector: collector)
        #expect(messages[2].content == "It is sunny in Oslo." && messages[2].status == .success)
        let asked = decider.asked.withLock { $0 }
        #expect(asked.map(\.call) == [AgentCases.call("get_weather", "call_1", ["city": "Oslo"])])
        // The run that waits is the agent's tools node.
        let node = collector.all.first { $0.run.runId == asked.first?.runId }
        #expect(node?.run.name == "tools")
    }

    @Test func anEditedCallRunsWithTheNewArguments() async throws {
        let messages = try await Self.run(Decider([.edit(["city": "Bergen"])]))
        #expect(messages[2].content == "It is sunny in Bergen.")
        #expect(messages[2].toolCallId == "call_1")
    }

    @Test func aRejectedCallDoesNotRunAndTheModelIsToldAsLangChainTellsIt() async throws {
        let collector = EventCollector()
        let messages = try await Self.run(Decider([.reject]), collector: collector)
        #expect(messages[2].role == .tool && messages[2].status == .error)
        #expect(messages[2].content == "User rejected the tool call for `get_weather` with id call_1. The tool was not executed. Do not retry this tool call unless the user explicitly requests it.")
        #expect(!collector.names.contains("on_tool_start"), "the tool ran")
        #expect(messages.last?.content == "It is sunny in Oslo.", "the model still answers (scripted)")
    }

    @Test func withoutAnApproverNothingWaits() async throws {
        let output = try await AgentTests.weatherAgent(AgentTests.oneCall).invoke("Weather in Oslo?")
        #expect(output.agentMessages[2].content == "It is sunny in Oslo.")
    }

    @Test func aToolExecutorAsksToo() async throws {
        let decider = Decider([.reject, .edit(["city": "Rome"])])
        var config = RunConfig()
        config.toolApprover = decider
        let calls = [AgentCases.call("get_weather", "a", ["city": "Oslo"]), AgentCases.call("get_weather", "b", ["city": "Oslo"])]
        let output = try await ToolExecutor(tools: [AgentCases.getWeather]).invoke(.message(.ai("", toolCalls: calls)), config: config)
        let answers = try #require(output.arrayValue).map { $0.messageValue }
        #expect(answers[0]?.status == .error && answers[0]?.content.hasPrefix("User rejected the tool call for `get_weather` with id a.") == true)
        #expect(answers[1]?.content == "It is sunny in Rome.")
        #expect(decider.asked.withLock { $0.count } == 2)
    }

    @Test func aCancelledWaitEndsTheRunAsCancelled() async throws {
        /// Waits for an hour, unless cancelled.
        struct Waiter: ToolApprover {
            func review(_ request: ToolApprovalRequest) async throws -> ToolDecision {
                try await Task.sleep(for: .seconds(3600))
                return .approve
            }
        }
        let collector = EventCollector()
        var config = RunConfig(callbacks: [collector])
        config.toolApprover = Waiter()
        let task = Task { try await AgentTests.weatherAgent(AgentTests.oneCall).invoke("Weather?", config: config) }
        // Cancelled once the tools node waits (its start is the signal).
        while !collector.all.contains(where: { $0.run.name == "tools" }) { try await Task.sleep(nanoseconds: 1_000_000) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(!collector.names.contains("on_tool_start"))
    }
}
