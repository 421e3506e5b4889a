import Foundation
import RunscopeCore

/// Applying callback events to the forest.
extension RunForest {
    /// Applies one event and returns the index of the run it concerns.
    @discardableResult
    mutating func apply(_ item: TimedEvent) -> Int {
        let event = item.event
        if event.isStart { return start(item) }
        let index = self.index(of: item.run.runId) ?? add(Self.lateNode(item))
        switch event {
        case .newToken(let token, _):
            addToken(token, to: index, at: item.time)
        case .retry(let retry):
            note(index, "retry: attempt \(retry.attemptNumber) failed (\(retry.error)); waiting \(DurationText.format(retry.waitSeconds))")
        case .custom(let name, let data):
            note(index, "custom event \(name): \(data.compactJSON())")
        case .text(let text):
            note(index, "text: \(text)")
        default:
            finish(index, event, at: item.time)
        }
        return index
    }

    /// A run seen first through a later event (its start was not seen).
    private static func lateNode(_ item: TimedEvent) -> RunNode {
        var node = RunNode(info: item.run, status: .running, time: item.time)
        node.sawStart = false
        return node
    }

    /// Starts a run (or completes one created from an earlier event).
    private mutating func start(_ item: TimedEvent) -> Int {
        let status: RunStatus = item.run.runType.isModel ? .waiting : .running
        if let existing = index(of: item.run.runId) {
            update(existing) { node in
                if !node.sawStart {
                    node.sawStart = true
                    node.startTime = min(node.startTime, item.time)
                    node.inputs = Self.inputs(of: item.event)
                    if node.runType == .tool { node.toolCall = LangGraphTraits.toolCall(name: node.name, inputs: node.inputs) }
                    node.version += 1
                }
            }
            return existing
        }
        var node = RunNode(info: item.run, status: status, time: item.time)
        node.inputs = Self.inputs(of: item.event)
        if node.runType == .tool { node.toolCall = LangGraphTraits.toolCall(name: node.name, inputs: node.inputs) }
        return add(node)
    }

    /// Appends one streamed token: O(1).
    private mutating func addToken(_ token: String, to index: Int, at time: Date) {
        update(index) { node in
            node.text += token
            node.tokenCount += 1
            if node.firstTokenTime == nil {
                node.firstTokenTime = time
                node.version += 1
            }
            node.lastTokenTime = time
            if node.status == .waiting { node.status = .running }
        }
    }

    private mutating func note(_ index: Int, _ text: String) {
        update(index) { node in
            node.notes.append(text)
            node.version += 1
        }
    }

    /// Ends a run with the outcome `event` reports.
    private mutating func finish(_ index: Int, _ event: RunEvent, at time: Date) {
        let before = nodes[index].status
        guard before.isActive else { return }
        let error = event.error
        let status = Self.endStatus(of: nodes[index], event: event)
        let failedChild = error == nil ? nil : nodes[index].children.last { child in
            let status = nodes[child].status
            return status == .failed || status == .cancelled || status.isControlFlow
        }
        update(index) { node in
            node.status = status
            node.endTime = time
            node.error = error
            node.failedChild = failedChild
            node.outputs = Self.outputs(of: event) ?? node.outputs
            if let inputs = Self.endInputs(of: event) { node.inputs = inputs }
            if case .llmEnd(let result) = event { Self.readResult(result, into: &node) }
            node.version += 1
        }
        adjustAncestors(of: index, count: 0, active: -1, failed: status == .failed ? 1 : 0)
        if case .llmEnd(let result) = event, let usage = result.usage {
            account(usage, of: index, priced: prices.cost(of: result, metadata: nodes[index].metadata))
        }
    }

    /// How `event` ends `node`: an error's status (failed, cancelled, interrupted, routed), a
    /// handled tool error (a tool message of status error), or succeeded.
    static func endStatus(of node: RunNode, event: RunEvent) -> RunStatus {
        if let error = event.error { return LangGraphTraits.status(for: error) }
        if node.runType == .tool, case .toolEnd(let output) = event, LangGraphTraits.isHandledToolError(output) {
            return .handledError
        }
        return .succeeded
    }

    /// Ends every active run as cancelled (when the chain was cancelled).
    mutating func cancelActive(at time: Date) {
        for index in nodes.indices where nodes[index].status.isActive {
            update(index) { node in
                node.status = .cancelled
                node.endTime = time
                node.version += 1
            }
            adjustAncestors(of: index, count: 0, active: -1, failed: 0)
        }
    }

    /// Finish reason and usage of a model result.
    private static func readResult(_ result: LLMResult, into node: inout RunNode) {
        let generation = result.generations.first?.first
        let reason = generation?.generationInfo?["finish_reason"] ?? generation?.message?.responseMetadata["finish_reason"]
            ?? generation?.message?.responseMetadata["stop_reason"] ?? generation?.message?.responseMetadata["done_reason"]
        node.finishReason = reason?.stringValue
        node.usage = result.usage
    }

    /// What a start event says went in.
    static func inputs(of event: RunEvent) -> Value? {
        switch event {
        case .chainStart(let inputs): return inputs
        case .chatModelStart(let messages):
            return .array(messages.map { .array($0.map(Value.message)) })
        case .llmStart(let prompts): return .array(prompts.map(Value.string))
        case .toolStart(let input, let inputs): return inputs ?? .string(input)
        case .retrieverStart(let query): return .string(query)
        default: return nil
        }
    }

    /// The input an end event carries (stream mode knows it only at the end).
    private static func endInputs(of event: RunEvent) -> Value? {
        switch event {
        case .chainEnd(_, let inputs?), .chainError(_, let inputs?): return inputs
        default: return nil
        }
    }

    /// What an end event says came out.
    static func outputs(of event: RunEvent) -> Value? {
        switch event {
        case .chainEnd(let outputs, _): return outputs
        case .llmEnd(let result):
            if let message = result.firstMessage { return .message(message) }
            return result.generations.first?.first.map { .string($0.text) }
        case .llmError(_, let response?):
            return response.generations.first?.first.map { .string($0.text) }
        case .toolEnd(let output): return output
        case .retrieverEnd(let documents): return .array(documents.map(Value.document))
        default: return nil
        }
    }
}
