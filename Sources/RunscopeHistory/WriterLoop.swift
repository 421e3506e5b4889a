import Foundation
import GRDB
import RunscopeCore
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
    /// Times a batch (or the opening) found the database locked and was tried again; read from any thread.
    let busyRetries = Locked(0)

    init(path: String, timeout: TimeInterval, interval: TimeInterval, writer: BatchWriter, prices: PriceTable = .builtIn) {
        index.prices = prices
        self.path = path
        self.timeout = timeout
        self.interval = interval
        self.writer = writer
    }

    /// Runs until `take` says the recorder is closing; `giveBack` gets each batch's chunks
    /// once written (to be reused); `wait` sleeps up to one interval; `isClosing` says whether
    /// the recorder has begun to close (asked while a batch waits for a locked database).
    ///
    /// A database that another process keeps locked for longer than the busy timeout loses
    /// nothing: the batch is kept and tried again after the next interval (nothing new is taken
    /// meanwhile, so the queue's bound still holds), and at close up to `closingTries` times.
    func run(
        take: () -> (items: [EventSlab], closing: Bool), giveBack: ([EventSlab]) -> Void, wait: () -> Bool,
        isClosing: () -> Bool
    ) {
        var held: [EventSlab] = []
        var closing = false
        var closingTries = 0
        while true {
            if held.isEmpty {
                (held, closing) = take()
            } else if !closing, isClosing() {
                // Closing: nothing more can be queued, so the rest joins the batch that waits.
                let rest = take()
                held += rest.items
                closing = true
            }
            if let busy = attempt(held, closing: closing) {
                busyRetries.withLock { $0 += 1 }
                if closing {
                    closingTries += 1
                    if closingTries >= Self.closingTries {
                        failure = busy
                        return
                    }
                } else {
                    _ = wait()
                }
                continue
            }
            if closing { return }
            // Emptied here, on the writer thread, outside the lock (no one else holds them now).
            for slab in held { slab.removeAll() }
            giveBack(held)
            held = []
            _ = wait()
        }
    }

    /// Tries to close this many times when the database stays locked.
    static let closingTries = 3

    /// Opens the database if need be and commits the batch; returns the message when the
    /// database was locked before anything was done (the batch can be tried again), nil otherwise.
    private func attempt(_ chunks: [EventSlab], closing: Bool) -> String? {
        if database == nil, failure == nil {
            do {
                database = try HistoryDatabase.open(path: path, timeout: timeout)
            } catch where error.isBusy {
                return error.message
            } catch {
                failure = error.message
            }
        }
        return commit(chunks, closing: closing)
    }

    /// Commits the batch in one transaction. Returns the message when the lock could not be
    /// taken (nothing was applied, so the batch can be tried again); any other error stops the writing.
    private func commit(_ chunks: [EventSlab], closing: Bool) -> String? {
        guard let database, failure == nil, !chunks.isEmpty || closing else { return nil }
        let count = chunks.reduce(0) { $0 + $1.count }
        var began = false
        do {
            try database.write { db in
                began = true
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
        } catch where error.isBusy && !began {
            return error.message
        } catch {
            failure = error.message
        }
        return nil
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
