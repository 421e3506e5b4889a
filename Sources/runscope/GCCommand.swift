import ArgumentParser
import Foundation
import RunscopeHistory

/// `runscope gc`: deletes old traces from the history and gives the space back.
struct GCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc", abstract: "Delete old runs from the history: --older-than 30d, or --keep N (the newest).")

    @Option(name: .customLong("older-than"), help: "Delete traces started before this: an age (30d, 12h) or a date.")
    var olderThan: String?

    @Option(help: "Keep only the newest N traces.")
    var keep: Int?

    func validate() throws {
        if (olderThan == nil) == (keep == nil) { throw ValidationError("give one of --older-than or --keep") }
        if let keep, keep < 0 { throw ValidationError("--keep must be 0 or more") }
        if let olderThan, HistoryTime.moment(olderThan) == nil {
            throw ValidationError("--older-than: '\(olderThan)' is neither an age (30d) nor a date (2026-11-30)")
        }
    }

    func run() throws {
        let store = try HistoryAccess.store()
        let cutoff = olderThan.flatMap { HistoryTime.moment($0) }
        let result = try HistoryAccess.run { () throws(HistoryError) in try store.collect(olderThan: cutoff, keep: keep) }
        print("deleted \(result.traces) trace\(result.traces == 1 ? "" : "s") (\(result.runs) runs), freed \(result.bytesFreed / 1024) KiB")
    }
}
