import Foundation
import RunscopeCore

/// Reads the fixtures copied from LangChain's reference runs.
public enum Fixtures {
    /// The reference recordings and other fixtures of the core tests.
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("RunscopeCoreTests/Fixtures")

    public static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// The JSON lines of a fixture file.
    public static func jsonLines(_ name: String) throws -> [Value] {
        try text(name).split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    /// The events LangChain recorded for a case, as comparable shapes (the result line dropped).
    public static func langchainEvents(_ file: String, excluding: Set<String> = []) throws -> [EventShape] {
        var ids = IdNormalizer()
        return try jsonLines(file.contains("/") ? file : "langchain/\(file)").filter { $0["__result__"] == nil }.compactMap { record in
            let event = record["event"]!.stringValue!
            if excluding.contains(event) { return nil }
            let run = ids.name(record["run_id"]?.stringValue)
            let parent = ids.name(record["parent_run_id"]?.stringValue)
            let isStart = event.hasSuffix("_start")
            return EventShape(
                event: event, run: run, parent: parent, name: isStart ? record["resolved_name"]?.stringValue : nil,
                runType: isStart ? runType(event, record) : nil,
                tags: record["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                token: event == "on_llm_new_token" ? record["token"]?.stringValue : nil)
        }
    }

    /// Events of an event log (format v1) as comparable shapes.
    public static func eventLogShapes(_ lines: [Value], excluding: Set<String> = []) -> [EventShape] {
        var ids = IdNormalizer()
        return lines.compactMap { line in
            let event = line["event"]!.stringValue!
            if excluding.contains(event) { return nil }
            let isStart = event.hasSuffix("_start")
            return EventShape(
                event: event, run: ids.name(line["run_id"]?.stringValue), parent: ids.name(line["parent_run_id"]?.stringValue),
                name: isStart ? line["name"]?.stringValue : nil, runType: isStart ? line["run_type"]?.stringValue : nil,
                tags: line["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                token: event == "on_llm_new_token" ? line["token"]?.stringValue : nil)
        }
    }

    /// Events grouped by run, each run named by its path of names from the root
    /// (for runs whose order depends on scheduling).
    public static func perRun(_ shapes: [EventShape]) -> [String: [String]] {
        var names: [String: String] = [:]
        var parents: [String: String] = [:]
        for shape in shapes where shape.name != nil {
            names[shape.run!] = "\(shape.name!)\(shape.tags)"
            parents[shape.run!] = shape.parent
        }
        func path(_ run: String) -> String {
            let own = names[run] ?? run
            return parents[run].map { path($0) + " > " + own } ?? own
        }
        return Dictionary(grouping: shapes, by: { path($0.run!) }).mapValues { $0.map { "\($0.event) \($0.token ?? "")" } }
    }

    private static func runType(_ event: String, _ record: Value) -> String {
        switch event {
        case "on_chat_model_start": return "chat_model"
        case "on_llm_start": return "llm"
        case "on_tool_start": return "tool"
        case "on_retriever_start": return "retriever"
        default: return record["run_type_kwarg"]?.stringValue ?? "chain"
        }
    }
}
