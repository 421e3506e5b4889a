import Foundation

/// The agent's `tools` step: one `tools` node run per tool call (LangGraph's
/// `Send`), all started first, then run at once; each runs its tool and answers
/// with a tool message.
struct ToolsNode: Sendable {
    let tools: [any Tool]

    /// One started `tools` node: its run, the config for the tool run, and its call.
    private struct Started: Sendable {
        let run: RunManager
        let inner: RunConfig
        let call: ToolCall
    }

    /// Runs `calls` (the last answer's tool calls) concurrently; returns their tool
    /// messages in call order. An unhandled tool error fails its node and, once every node
    /// has ended, is thrown.
    func run(_ calls: [ToolCall], step: Int, root: RunManager, config: RunConfig) async throws -> [Message] {
        let started = try calls.enumerated().map { index, call in
            var call = call
            if call.id == nil { call.id = "call_\(index + 1)" }
            let task = GraphTask.pushed("tools", step: step, index: index)
            let (run, inner) = try task.start(under: root, config: config, inputs: [call.asValue])
            return Started(run: run, inner: inner, call: call)
        }
        // Every started node runs to its end (none is left without an end event, even with a
        // concurrency limit); the first failure in call order is thrown after all have ended.
        let failures = Locked<[Int: any Error]>([:])
        let limit = max(1, config.maxConcurrency ?? calls.count)
        let results = try await ConcurrentMap.run(started.count, limit: limit) { index in
            do {
                return .message(try await finish(started[index]))
            } catch {
                failures.withLock { $0[index] = error }
                return .null
            }
        }
        if let first = failures.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
        return results.compactMap(\.messageValue)
    }

    /// Runs one node's tool and ends the node's run with its tool message.
    private func finish(_ node: Started) async throws -> Message {
        let message: Message
        do {
            message = try await answer(node.call, config: node.inner, runId: node.run.info.runId)
        } catch {
            try? node.run.chainError(error)
            throw error
        }
        try node.run.chainEnd(["messages": [.message(message)]])
        return message
    }

    /// The tool message answering `call`: the tool's, one saying the tool is unknown, or,
    /// when the config's approver rejects the call, one saying so (the tool does not run).
    private func answer(_ call: ToolCall, config: RunConfig, runId: UUID) async throws -> Message {
        guard let tool = tools.first(where: { $0.spec.name == call.name }) else {
            let names = tools.map(\.spec.name).joined(separator: ", ")
            return .tool(
                "Error: \(call.name) is not a valid tool, try one of [\(names)].", toolCallId: call.id ?? "",
                name: call.name, status: .error)
        }
        guard let call = try await ToolApproval.review(call, of: tool, config: config, runId: runId) else {
            return ToolApproval.rejection(of: call)
        }
        let output = try await tool.invoke(call.asValue, config: config)
        if let message = output.messageValue { return message }
        return .tool(output.text, toolCallId: call.id ?? "", name: call.name)
    }
}
