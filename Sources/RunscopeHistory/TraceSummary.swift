import Foundation
import RunscopeCore

/// One trace as `runscope runs` lists it.
public struct TraceSummary: Sendable, Equatable {
    public var id: String
    public var name: String
    /// `ok`, `failed`, `cancelled`, `running` or `interrupted`.
    public var status: String
    public var start: Date
    public var end: Date?
    public var durationMs: Int?
    /// Number of runs in the trace.
    public var runs: Int
    /// Tokens of its model runs: reported usage when known, else streamed tokens.
    public var tokens: Int
    public var costUSD: Double?
    /// What wrote it: `run`, `tail`, `replay`, `import`.
    public var source: String
    /// Event lines stored for it.
    public var events: Int

    /// A summary with the given columns.
    public init(
        id: String, name: String, status: String, start: Date, end: Date? = nil, durationMs: Int?, runs: Int, tokens: Int,
        costUSD: Double? = nil, source: String, events: Int
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.start = start
        self.end = end
        self.durationMs = durationMs
        self.runs = runs
        self.tokens = tokens
        self.costUSD = costUSD
        self.source = source
        self.events = events
    }
}

/// Which traces `runscope runs` lists.
public struct TraceFilter: Sendable {
    public var status: String?
    /// A glob (`*`, `?`) on the trace's name.
    public var name: String?
    /// Words to find (full text) in names, inputs, outputs and errors of its runs.
    public var search: String?
    public var since: Date?
    public var limit: Int

    /// A filter; every field optional but the limit.
    public init(status: String? = nil, name: String? = nil, search: String? = nil, since: Date? = nil, limit: Int = 20) {
        self.status = status
        self.name = name
        self.search = search
        self.since = since
        self.limit = limit
    }

    /// The statuses `--status` accepts.
    public static let statuses = ["ok", "failed", "cancelled", "running", "interrupted"]

    /// FTS5 query for free text: every word quoted (so no word is taken as syntax), all required.
    static func ftsQuery(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace })
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " ")
    }
}

extension TraceSummary {
    /// The trace as `runscope runs --json` prints it.
    public var jsonValue: RunscopeCore.Value {
        [
            "id": .string(id), "name": .string(name), "status": .string(status),
            "start": .string(EventLogFormat.timestamp(start)), "duration_ms": durationMs.map(Value.int) ?? .null,
            "runs": .int(runs), "tokens": .int(tokens), "cost_usd": costUSD.map(Value.double) ?? .null,
            "source": .string(source), "events": .int(events),
        ]
    }
}
