import ArgumentParser

/// The commands over the run history (`docs/history.md`).
enum HistoryCommands {
    static let all: [any ParsableCommand.Type] = [
        HistoryCommand.self, RunsCommand.self, ShowCommand.self, ExportCommand.self, ImportCommand.self, DiffCommand.self, GCCommand.self,
    ]
}
