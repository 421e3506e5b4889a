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
    /// The event lines not yet written, newline-separated, and how many.
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

    /// Starts the next pending line (the caller appends its text).
    func startLine() {
        if pendingCount > 0 { pendingText += "\n" }
        pendingCount += 1
    }
}
