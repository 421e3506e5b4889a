import Foundation
import GRDB
import RunscopePricing

/// The writer thread's loop: opens the database, then commits a batch each time it wakes,
/// until the recorder closes. The first error stops the writing and becomes the warning.
/// Only the writer thread touches it (the class is handed to that thread once).
final class WriterLoop: @unchecked Sendable {
    private let path: String
    private let timeout: TimeInterval
    private let interval: TimeInterval
    private let writer: BatchWriter
    private var database: HistoryDatabase?
    private var index = TraceIndex()
    private var failure: String?
    private var events = 0
    private var started: [UUID] = []
    private var startedSet: Set<UUID> = []

    init(path: String, timeout: TimeInterval, interval: TimeInterval, writer: BatchWriter, prices: PriceTable = .builtIn) {
        index.prices = prices
        self.path = path
        self.timeout = timeout
        self.interval = interval
        self.writer = writer
    }

    /// Runs until `take` says the recorder is closing; `giveBack` gets each batch's chunks
    /// once written (to be reused); `wait` sleeps up to one interval.
    func run(
        take: () -> (items: [EventSlab], closing: Bool), giveBack: ([EventSlab]) -> Void, wait: () -> Bool
    ) {
        do {
            database = try HistoryDatabase.open(path: path, timeout: timeout)
        } catch {
            failure = error.message
        }
        while true {
            let (items, closing) = take()
            commit(items, closing: closing)
            if closing { return }
            // Emptied here, on the writer thread, outside the lock (no one else holds them now).
            for slab in items { slab.removeAll() }
            giveBack(items)
            _ = wait()
        }
    }

    private func commit(_ chunks: [EventSlab], closing: Bool) {
        guard let database, failure == nil, !chunks.isEmpty || closing else { return }
        let count = chunks.reduce(0) { $0 + $1.count }
        do {
            try database.write { db in
                for chunk in chunks {
                    for item in chunk.items {
                        index.apply(item, storedTrace: { Self.storedTrace(of: $0, db) }, traceExists: { Self.exists($0, db) })
                    }
                }
                if closing { index.interruptAll() }
                for trace in index.touchedTraces where startedSet.insert(trace.id).inserted { started.append(trace.id) }
                try writer.write(&index, db)
            }
            events += count
            index.evictFinished()
        } catch {
            failure = error.message
        }
    }

    private static func storedTrace(of run: UUID, _ db: Database) -> UUID? {
        let text = try? String.fetchOne(db, sql: "SELECT trace_id FROM runs WHERE id = ?", arguments: [BatchWriter.text(run)])
        return text.flatMap { $0 }.flatMap(UUID.init(uuidString:))
    }

    private static func exists(_ trace: UUID, _ db: Database) -> Bool {
        ((try? Bool.fetchOne(db, sql: "SELECT 1 FROM traces WHERE id = ?", arguments: [BatchWriter.text(trace)])) ?? nil) ?? false
    }

    /// Closes the connection (SQLite checkpoints the WAL as the last one closes).
    func closeDatabase() { database = nil }

    /// The report once the loop has ended.
    func finish(dropped: Int) -> HistoryRecorder.Report {
        var report = HistoryRecorder.Report()
        if let failure {
            // What was committed before the failure stays (shown interrupted once this process is gone).
            let kept = events > 0 ? "the rest of this run is not kept in the history (the \(events) events before it are)" : "this run is not kept in the history"
            report.warnings.append("history: \(failure); \(kept)")
        }
        if dropped > 0 { report.warnings.append("history: \(path): \(dropped) events dropped (the writer fell behind)") }
        let skipped = Set(index.skippedTraces)
        report.traces = started.filter { !skipped.contains($0) }.map(BatchWriter.text)
        report.skipped = index.skippedTraces.map(BatchWriter.text)
        report.events = events
        return report
    }
}
