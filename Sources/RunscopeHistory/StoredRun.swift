import Foundation
import GRDB

/// A run as read back from the `runs` table (for diffs).
public struct StoredRun: Sendable, Equatable {
    public var id: String
    public var parentId: String?
    /// 1-based start order within the trace.
    public var position: Int
    public var name: String
    public var runType: String
    public var status: String
    public var start: Date
    public var end: Date?
    /// The output as text (generated text, a string output, else compact JSON).
    public var outputText: String?
    /// `Type: message` when the run failed.
    public var error: String?
    /// Reported total tokens, else streamed tokens; `nil` for runs that are not models.
    public var tokens: Int?
    public var costUSD: Double?

    /// The run's duration in milliseconds, when it ended.
    public var durationMs: Double? { end.map { $0.timeIntervalSince(start) * 1000 } }

    /// A run with the given fields.
    public init(
        id: String, parentId: String?, position: Int, name: String, runType: String, status: String, start: Date,
        end: Date?, outputText: String? = nil, error: String? = nil, tokens: Int? = nil, costUSD: Double? = nil
    ) {
        self.id = id
        self.parentId = parentId
        self.position = position
        self.name = name
        self.runType = runType
        self.status = status
        self.start = start
        self.end = end
        self.outputText = outputText
        self.error = error
        self.tokens = tokens
        self.costUSD = costUSD
    }

    init(row: Row) {
        let type: String = row["run_type"]
        let isModel = type == "llm" || type == "chat_model"
        let errorType: String? = row["error_type"]
        let message: String? = row["error"]
        self.init(
            id: row["id"], parentId: row["parent_id"], position: row["position"], name: row["name"], runType: type,
            status: row["status"], start: Date(timeIntervalSince1970: row["start_time"]),
            end: (row["end_time"] as Double?).map(Date.init(timeIntervalSince1970:)), outputText: row["output_text"],
            error: errorType.map { "\($0): \(message ?? "")" },
            tokens: isModel ? ((row["total_tokens"] as Int?) ?? (row["streamed_tokens"] as Int?)) : nil, costUSD: row["cost_usd"])
    }
}
