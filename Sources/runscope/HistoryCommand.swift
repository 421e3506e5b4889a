import ArgumentParser
import Foundation
import RunscopeHistoryUI

/// `runscope history` (and `runscope` alone on a terminal): the history screen.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Browse the history on the terminal: search, open, compare two runs.",
        discussion: """
            The traces newest first with the columns of `runscope runs`; / searches their text, Enter \
            opens one in the inspector (or click it, then click it again), m marks two and d compares \
            them side by side, ? lists the keys. \
            `runscope` with no argument on a terminal opens it too. Needs a terminal (see runscope runs).
            """)

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (no clicks or wheel).")
    var noMouse = false

    func run() async throws {
        guard Terminal.stdoutIsTerminal else {
            Terminal.error("runscope history: needs a terminal; runscope runs lists the history as text")
            throw ExitCode(2)
        }
        let store = try HistoryAccess.store()
        let status: Int32
        do {
            status = try await HistoryApp.browse(store: store, open: HistoryScreens.opener, mouse: !noMouse)
        } catch {
            Terminal.error("runscope: cannot open the terminal UI (\(error)); runscope runs lists the history as text")
            throw ExitCode(2)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
