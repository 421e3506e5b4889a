import Foundation
import RunscopeCore

/// One run as the writer keeps it while its events come: the columns of its `runs` row,
/// its token texts with their times, and what changed since the last batch. A class, so
/// the writer changes it in place through the one reference it holds for the latest run.
final class RunRecord {
    let id: UUID
    /// The run's description, as its first event brought it (for the lines of tokens queued by id).
    let info: RunInfo
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
    /// `[offset,ms]` per token, comma-separated: where it starts in `tokenText` (in code
    /// points) and when it came after the start (ms, two decimals).
    var tokenMarks = ""
    /// The run's token lines up to their time (see `TokenLine`), once known.
    var tokenPrefix: String?
    var firstTokenMs: Double?
    /// The row id once inserted (also the full-text row's id).
    var seq: Int64?
    var rowDirty = true
    var textDirty = true
    var tokensDirty = false
    /// Whether it is in the index's list of runs changed since the last batch.
    var touched = false

    /// A run from its start event (or from its first event when the start is missing).
    init(run: RunInfo, traceId: UUID, position: Int, event: RunEvent, time: Date) {
        id = run.runId
        info = run
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
    func apply(_ event: RunEvent, time: Date) {
        switch event {
        case .newToken(let token, _):
            addToken(token, time: time)
        case _ where event.isEnd:
            finish(event, time: time)
        default:
            return
        }
    }

    /// Takes one streamed token: its text, and its mark (where it starts, when it came).
    func addToken(_ token: String, time: Date) {
        let hundredths = Int((time.timeIntervalSince(start) * 1000 * 100).rounded())
        if firstTokenMs == nil { firstTokenMs = Double(hundredths) / 100 }
        appendMark(offset: tokenScalars, hundredths: hundredths)
        tokenText += token
        tokenScalars += token.unicodeScalars.count
        tokenCount += 1
        tokensDirty = true
    }

    private func finish(_ event: RunEvent, time: Date) {
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
    func interrupt() {
        guard end == nil, status == "running" else { return }
        status = "interrupted"
        rowDirty = true
    }

    /// Adds `[offset,ms]` (ms from hundredths, as `12.5` or `3`) to the marks.
    private func appendMark(offset: Int, hundredths: Int) {
        if !tokenMarks.isEmpty { tokenMarks += "," }
        tokenMarks += "["
        tokenMarks += String(offset)
        tokenMarks += ","
        if hundredths < 0 { tokenMarks += "-" }
        let magnitude = abs(hundredths)
        tokenMarks += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 { tokenMarks += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)") }
        tokenMarks += "]"
    }

    /// The token marks as stored: `[[offset, ms], ...]`.
    var marksJSON: String { "[" + tokenMarks + "]" }
}
