import Foundation

/// One trace as the writer keeps it: the columns of its `traces` row, its runs, and
/// the event lines not yet written.
struct TraceRecord {
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
    var pendingLines: [String] = []
    var dirty = true
    /// Whether this trace was in the history before (from another process or an earlier import): not written again.
    var skipped = false
}
