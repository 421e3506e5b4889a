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
    /// The tokens' text since the last batch, as UTF-8 (each batch writes its own row of `tokens`).
    var tokenBytes: [UInt8] = []
    var tokenCount = 0
    var tokenScalars = 0
    /// `[offset,ms]` per token since the last batch, comma-separated, as UTF-8: where it starts
    /// in the run's whole token text (in code points) and when it came after the start (ms,
    /// to the microsecond). Bytes, not a String: the writer makes one per token.
    var tokenMarks: [UInt8] = []
    /// The next row of `tokens` for this run.
    var tokenChunk = 0
    /// The run's token lines up to their time (see `TokenLine`), once known.
    var tokenPrefix: String?
    /// Whether a `TokenMarker` with the prefix is written (later ones leave it out).
    var prefixStored = false
    /// The start in microseconds since 1970, as its event line shows it (the base of the marks).
    let startMicros: Int64
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
        startMicros = TimestampText.micros(time)
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
        let micros = TimestampText.micros(time) - startMicros
        if firstTokenMs == nil { firstTokenMs = Double(micros) / 1000 }
        TokenMarks.appendMark(offset: tokenScalars, micros: micros, to: &tokenMarks)
        var token = token
        token.withUTF8 { utf8 in
            tokenBytes.append(contentsOf: utf8)
            // Code points: the bytes that are not UTF-8 continuation bytes (10xxxxxx).
            var scalars = 0
            for byte in utf8 where byte & 0xC0 != 0x80 { scalars += 1 }
            tokenScalars += scalars
        }
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

    /// The tokens since the last batch as stored: their text.
    var tokenText: String { String(decoding: tokenBytes, as: UTF8.self) }

    /// The marks since the last batch as stored: `[[offset, ms], ...]`.
    var marksJSON: String {
        var json = "["
        json += String(decoding: tokenMarks, as: UTF8.self)
        json += "]"
        return json
    }

    /// Forgets the tokens written (their count and offsets go on).
    func tokensWritten() {
        tokenBytes.removeAll(keepingCapacity: true)
        tokenMarks.removeAll(keepingCapacity: true)
        tokenChunk += 1
        tokensDirty = false
    }
}
