import Foundation
import RunscopeCore

/// One run as the writer keeps it while its events come: the columns of its `runs` row,
/// its token texts with their times, and what changed since the last batch.
struct RunRecord {
    let id: UUID
    let traceId: UUID
    let parentId: UUID?
    let position: Int
    let name: String
    let runType: RunType
    let tags: [String]
    let metadata: ValueObject
    let start: Date
    var status = "running"
    var end: Date?
    var inputs: Value
    var outputs: Value?
    var outputText: String?
    var error: RunError?
    var usage: UsageMetadata?
    var cost: Double?
    var tokenText = ""
    var tokenCount = 0
    var tokenScalars = 0
    /// `[offset, ms]` per token: where it starts in `tokenText` (in code points) and when it came after the start.
    var tokenMarks: [String] = []
    var firstTokenMs: Double?
    /// The row id once inserted (also the full-text row's id).
    var seq: Int64?
    var rowDirty = true
    var textDirty = true
    var tokensDirty = false

    /// A run from its start event (or from its first event when the start is missing).
    init(run: RunInfo, traceId: UUID, position: Int, event: RunEvent, time: Date) {
        id = run.runId
        self.traceId = traceId
        parentId = run.parentRunId
        self.position = position
        name = run.name
        runType = run.runType
        tags = run.tags
        metadata = run.metadata
        start = time
        inputs = RunShapes.inputs(event)
    }

    /// Tokens counted for listings: the reported total when known, else the streamed tokens.
    var tokens: Int { usage?.totalTokens ?? tokenCount }

    /// Takes one event of this run.
    mutating func apply(_ event: RunEvent, time: Date) {
        switch event {
        case .newToken(let token, _):
            let ms = (time.timeIntervalSince(start) * 1000 * 100).rounded() / 100
            if firstTokenMs == nil { firstTokenMs = ms }
            tokenMarks.append("[\(tokenScalars),\(ms)]")
            tokenText += token
            tokenScalars += token.unicodeScalars.count
            tokenCount += 1
            tokensDirty = true
        case _ where event.isEnd:
            finish(event, time: time)
        default:
            return
        }
    }

    private mutating func finish(_ event: RunEvent, time: Date) {
        guard end == nil else { return }
        end = time
        error = event.error
        status = error.map { $0.isCancellation ? "cancelled" : "failed" } ?? "ok"
        outputs = RunShapes.outputs(event)
        outputText = RunShapes.outputText(event)
        switch event {
        case .chainEnd(_, let inputs?), .chainError(_, let inputs?): self.inputs = TraceShapes.wrap(inputs, "input")
        case .llmEnd(let result):
            usage = result.usage
            cost = result.llmOutput?["cost_usd"]?.doubleValue
        default: break
        }
        rowDirty = true
        textDirty = true
    }

    /// Marks a run that never ended (its process stopped first).
    mutating func interrupt() {
        guard end == nil, status == "running" else { return }
        status = "interrupted"
        rowDirty = true
    }

    /// The token marks as stored: `[[offset, ms], ...]`.
    var marksJSON: String { "[" + tokenMarks.joined(separator: ",") + "]" }
}
