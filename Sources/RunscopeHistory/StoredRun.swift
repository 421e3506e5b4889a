import Foundation
import GRDB
import RunscopeCore

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

    /// A value as a diff reads it (`outputText`): strings as they are, messages by their
    /// content, a conversation as its lines, others as compact JSON.
    public static func text(of value: Value) -> String { RunShapes.text(value) }

    /// The columns `init(row:)` reads, in this order.
    static let columns = "id, parent_id, position, name, run_type, status, start_time, end_time, output_text, error_type, error, "
        + "total_tokens, streamed_tokens, cost_usd"

    /// A run from a row of `columns` (read by position: by name costs a lookup per column and row).
    init(row: Row) {
        let type: String = row[4]
        let isModel = type == "llm" || type == "chat_model"
        let errorType: String? = row[9]
        let message: String? = row[10]
        self.init(
            id: row[0], parentId: row[1], position: row[2], name: row[3], runType: type,
            status: row[5], start: Date(timeIntervalSince1970: row[6]),
            end: (row[7] as Double?).map(Date.init(timeIntervalSince1970:)), outputText: row[8],
            error: errorType.map { "\($0): \(message ?? "")" },
            tokens: isModel ? ((row[11] as Int?) ?? (row[12] as Int?)) : nil, costUSD: row[13])
    }
}
