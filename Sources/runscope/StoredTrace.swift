import Foundation
import RunscopeHistory
import RunscopeReplay

/// A trace read back from the history as `runscope show` replays it: its events, and
/// what to say about it (skipped lines, an interrupted writer). Shared by `show` and
/// the history screen's Enter, so both open a trace the same way.
struct StoredTrace {
    let trace: TraceSummary
    let entries: [EventLogEntry]
    let reader: EventLogReader

    /// The inspector's title: `show NAME ID-PREFIX`.
    var title: String { "show \(trace.name) \(trace.id.prefix(13))" }

    /// Reads `trace`'s event lines from `store`; a line that cannot be read as an event
    /// log fails with one line naming the trace and the place.
    static func load(_ trace: TraceSummary, from store: HistoryStore) throws(StoredTraceError) -> StoredTrace {
        let lines: [String]
        do {
            lines = try store.eventLines(trace: trace.id)
        } catch {
            throw StoredTraceError(message: error.description)
        }
        var reader = EventLogReader(source: "\(store.database.path): trace \(trace.id)")
        do {
            let entries = try Replayer.entries(lines.map { Substring($0) }, reader: &reader)
            return StoredTrace(trace: trace, entries: entries, reader: reader)
        } catch {
            throw StoredTraceError(message: error.description)
        }
    }

    /// Notes for the user: an interrupted trace shows what it had.
    var notes: [String] {
        trace.status == "interrupted" ? ["\(trace.id): interrupted (the process writing it stopped); showing what it had"] : []
    }
}

/// Why a stored trace cannot be opened (one line).
struct StoredTraceError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
