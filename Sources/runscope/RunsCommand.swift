import ArgumentParser
import Foundation
import RunscopeCore
import RunscopeHistory

/// `runscope runs`: the traces in the history, newest first.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List the runs kept in the history, newest first.",
        discussion: "One line per trace: when, name, status, duration, runs, tokens, cost, id. The history is $RUNSCOPE_HOME/history.sqlite (docs/history.md).")

    @Option(help: "Only traces with this status: ok, failed, cancelled, running, interrupted.")
    var status: String?

    @Option(help: "Only traces whose name matches this glob (* and ?).")
    var name: String?

    @Option(help: "Only traces with these words in a run's name, inputs, outputs or error (full text).")
    var search: String?

    @Option(help: "Only traces started since: an age (30m, 2h, 1d, 2w) or a date (2026-11-30).")
    var since: String?

    @Option(help: "At most this many traces.")
    var limit = 20

    @Flag(help: "Print a JSON array of objects (id, name, status, start, duration_ms, runs, tokens, cost_usd).")
    var json = false

    func run() throws {
        if let status, !TraceFilter.statuses.contains(status) {
            throw ValidationError("--status must be one of \(TraceFilter.statuses.joined(separator: ", "))")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        let start = try since.map { text in
            guard let moment = HistoryTime.moment(text) else { throw ValidationError("--since: '\(text)' is neither an age (2h, 1d) nor a date (2026-11-30)") }
            return moment
        }
        let store = try HistoryAccess.store()
        let filter = TraceFilter(status: status, name: name, search: search, since: start, limit: limit)
        let traces = try HistoryAccess.run { () throws(HistoryError) in try store.traces(filter) }
        if json {
            print(Value.array(traces.map(\.jsonValue)).jsonString(indent: 2))
        } else {
            print(TraceTable.render(traces, now: Date()))
        }
    }
}
