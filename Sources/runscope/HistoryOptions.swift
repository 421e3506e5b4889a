import ArgumentParser
import Foundation
import RunscopeCore
import RunscopeHistory
import RunscopePricing

/// `--no-history` for commands that keep their runs in the history (run, tail, replay).
struct HistoryOptions: ParsableArguments {
    @Flag(name: .customLong("no-history"), help: "Do not keep this run in the history (also RUNSCOPE_HISTORY=off).")
    var noHistory = false

    /// The recorder for this command, or `nil` when the history is off.
    func recorder(source: String, prices: PriceTable = .builtIn, clock: @escaping @Sendable () -> Date = { Date() }) -> HistoryRecorder? {
        let environment = ProcessInfo.processInfo.environment
        guard !noHistory, !HistoryLocation.isDisabled(environment) else { return nil }
        return HistoryRecorder(
            path: HistoryLocation.databasePath(environment), source: source,
            timeout: HistoryLocation.busyTimeout(environment), prices: prices, clock: clock)
    }

    /// Writes what is left and prints the recorder's warnings on stderr (never fails the command).
    static func finish(_ recorder: HistoryRecorder?) {
        guard let recorder else { return }
        for warning in recorder.close().warnings { Terminal.error(warning) }
    }
}

/// Opening the history for the commands that read it; a problem exits with status 2.
enum HistoryAccess {
    /// The history store, or exit 2 with the reason.
    static func store() throws -> HistoryStore {
        let environment = ProcessInfo.processInfo.environment
        do {
            return try HistoryStore.open(path: HistoryLocation.databasePath(environment), timeout: HistoryLocation.busyTimeout(environment))
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }

    /// Runs `body`, printing a history error as one line and exiting with status 2.
    static func run<T>(_ body: () throws(HistoryError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }
}
