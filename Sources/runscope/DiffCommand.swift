import ArgumentParser
import Foundation
import RunscopeHistory
import RunscopeHistoryUI

/// `runscope diff REF_A REF_B`: two runs compared step by step.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Compare two runs from the history, step by step.",
        discussion: """
            Aligns the two trees (the same names at the same place pair up; an inserted or removed \
            step shows as `only in A` / `only in B`) and prints per row the status, duration and its \
            change, tokens and cost of both, then a word diff of the outputs that changed. On a \
            terminal it opens the split view: A's tree left, B's right, one selection for both, the \
            selected row's output diff below (--no-tui or --json print instead).
            """)

    @Argument(help: "The first trace (A): an id, a unique prefix, last, last~N.")
    var referenceA: String

    @Argument(help: "The second trace (B).")
    var referenceB: String

    @Flag(help: "Print the diff as JSON (a, b, rows).")
    var json = false

    @Flag(name: .customLong("no-tui"), help: "Print the table even on a terminal.")
    var noTUI = false

    @Flag(name: .customLong("no-mouse"), help: "In the split view, leave the mouse to the terminal (no clicks or wheel).")
    var noMouse = false

    func run() async throws {
        let store = try HistoryAccess.store()
        let diff = try HistoryAccess.run { () throws(HistoryError) -> RunDiff in
            let a = try store.resolve(referenceA), b = try store.resolve(referenceB)
            return RunDiff(a: a, runsA: try store.runs(trace: a.id), b: b, runsB: try store.runs(trace: b.id))
        }
        if !json, !noTUI, Terminal.stdoutIsTerminal {
            do {
                let status = try await HistoryApp.showDiff(diff, mouse: !noMouse)
                if status != 0 { throw ExitCode(status) }
                return
            } catch let error as ExitCode {
                throw error
            } catch {
                Terminal.error("runscope: cannot open the terminal UI (\(error)); printing the table")
            }
        }
        print(json ? DiffFormat.json(diff).jsonString(indent: 2) : DiffFormat.table(diff))
    }
}
