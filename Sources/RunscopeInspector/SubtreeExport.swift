import Foundation
import RunscopeCore

/// A run and everything under it as one JSON document (`w` in the inspector): what the
/// inspector knows of each run, nested as the tree is. Times are RFC 3339 UTC as in the
/// event log; a field the run lacks is left out.
public enum SubtreeExport {
    /// The document for the run at `index`, pretty-printed.
    public static func json(_ forest: RunForest, from index: Int) -> String {
        value(forest, index).jsonString(indent: 2) + "\n"
    }

    /// How many runs the document holds (the run and its descendants).
    public static func runCount(_ forest: RunForest, from index: Int) -> Int {
        1 + forest[index].children.reduce(0) { $0 + runCount(forest, from: $1) }
    }

    /// One run with its children.
    static func value(_ forest: RunForest, _ index: Int) -> Value {
        let node = forest[index]
        var fields: [(String, Value)] = [
            ("id", .string(node.id.lowercasedString)),
            ("parent_run_id", node.parentId.map { .string($0.lowercasedString) } ?? .null),
            ("name", .string(node.name)),
            ("run_type", .string(node.runType.rawValue)),
            ("status", .string(statusName(node.status))),
            ("start_time", .string(EventLogFormat.timestamp(node.startTime))),
        ]
        if let end = node.endTime {
            fields.append(("end_time", .string(EventLogFormat.timestamp(end))))
            fields.append(("duration_s", .double(end.timeIntervalSince(node.startTime))))
        }
        if !node.tags.isEmpty { fields.append(("tags", .array(node.tags.map(Value.string)))) }
        if !node.metadata.isEmpty { fields.append(("metadata", .object(node.metadata))) }
        if let inputs = node.inputs { fields.append(("inputs", inputs)) }
        if let outputs = node.outputs { fields.append(("outputs", outputs)) }
        if let error = node.error {
            fields.append(("error", .object(["type": .string(error.type), "message": .string(error.message)])))
        }
        fields += streamFields(node)
        if !node.children.isEmpty {
            fields.append(("children", .array(node.children.map { value(forest, $0) })))
        }
        return .object(ValueObject(fields))
    }

    /// What a model run streamed, its usage and its cost.
    static func streamFields(_ node: RunNode) -> [(String, Value)] {
        var fields: [(String, Value)] = []
        if node.tokenCount > 0 {
            fields.append(("streamed_text", .string(node.text)))
            fields.append(("streamed_tokens", .int(node.tokenCount)))
        }
        if let first = node.firstTokenTime {
            fields.append(("time_to_first_token_s", .double(first.timeIntervalSince(node.startTime))))
        }
        if let reason = node.finishReason { fields.append(("finish_reason", .string(reason))) }
        if let usage = node.usage { fields.append(("usage", usage.asValue)) }
        if let cost = node.cost { fields.append(("cost_usd", .double(cost))) }
        return fields
    }

    /// The status as the event log and `runscope runs --json` spell it.
    public static func statusName(_ status: RunStatus) -> String {
        switch status {
        case .waiting: return "waiting"
        case .running: return "running"
        case .succeeded: return "ok"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        case .handledError: return "handled_error"
        case .interrupted: return "interrupted"
        case .routed: return "routed"
        }
    }
}
