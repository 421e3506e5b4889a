import Foundation
import RunscopeCore

/// Reads the fixtures copied from LangChain's reference runs.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// The JSON lines of a fixture file.
    static func jsonLines(_ name: String) throws -> [Value] {
        try text(name).split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    /// The events LangChain recorded for a case, as comparable shapes (the result line dropped).
    static func langchainEvents(_ file: String, excluding: Set<String> = []) throws -> [EventShape] {
        var ids = IdNormalizer()
        return try jsonLines("langchain/\(file)").filter { $0["__result__"] == nil }.compactMap { record in
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
