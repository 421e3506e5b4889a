import Foundation

/// One trace as the writer keeps it: the columns of its `traces` row, its runs, and
/// the event lines not yet written. A class, changed in place by the writer.
final class TraceRecord {
    let id: UUID
    var name: String
    let start: Date
    var end: Date?
    var status = "running"
    var runIds: [UUID] = []
    var events = 0
    var runCount = 0
    var tokens = 0
    var cost: Double?
    var nextChunk = 0
    /// The trace's `seq` in the database once its row is written (the key of its runs' full-text rows).
    var seq: Int64?
    /// The event lines not yet written, newline-separated, and how many events they hold.
    var pendingText = ""
    var pendingCount = 0
    /// Whether it is in the index's list of traces changed since the last batch.
    var touched = false
    var dirty = true
    /// Whether this trace was in the history before (from another process or an earlier import): not written again.
    var skipped = false

    init(id: UUID, name: String, start: Date) {
        self.id = id
        self.name = name
        self.start = start
    }

    /// The stretch of one run's tokens met last, not yet written as its `TokenMarker` line.
    private var stretch: (run: RunRecord, from: Int, count: Int)?

    /// Starts the next pending line (the caller appends its text).
    func startLine() {
        closeStretch()
        if !pendingText.isEmpty { pendingText += "\n" }
        pendingCount += 1
    }

    /// Counts the run's token number `index` (whose line is made again on reading, see `TokenMarker`).
    func addToken(of run: RunRecord, index: Int) {
        pendingCount += 1
        if let stretch, stretch.run === run, stretch.from + stretch.count == index {
            self.stretch?.count += 1
            return
        }
        closeStretch()
        stretch = (run, index, 1)
    }

    /// Writes the stretch of tokens met last as its marker line.
    func closeStretch() {
        guard let stretch, let prefix = stretch.run.tokenPrefix else { return }
        self.stretch = nil
        if !pendingText.isEmpty { pendingText += "\n" }
        TokenMarker(runId: BatchWriter.text(stretch.run.id), from: stretch.from, count: stretch.count,
                    startMicros: stretch.run.startMicros, prefix: stretch.run.prefixStored ? nil : prefix).append(to: &pendingText)
        stretch.run.prefixStored = true
    }
}
