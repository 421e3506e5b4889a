import Foundation
import RunscopeHistory

/// A temporary RUNSCOPE_HOME for one test, and the binary started in the background with it.
struct HistoryHome {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-home-\(UUID())").path
    var database: String { directory + "/history.sqlite" }
    var environment: [String: String] { ["RUNSCOPE_HOME": directory] }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// `runscope args...` with this home.
    func run(_ args: [String], environment more: [String: String] = [:]) async throws -> CLI.Result {
        try await CLI.run(args, environment: environment.merging(more) { $1 })
    }

    /// Starts `runscope args...` without waiting (stdout discarded, stderr kept in `errors`).
    func start(_ args: [String], errors: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args
        process.currentDirectoryURL = CLI.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        if let errors, FileManager.default.createFile(atPath: errors, contents: nil) {
            process.standardError = FileHandle(forWritingAtPath: errors)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The store, read directly (as sqlite3 would).
    func store() throws -> HistoryStore { try HistoryStore.open(path: database) }

    /// Waits until `condition` holds, checking every 20 ms, for at most `seconds` (and once more
    /// at the deadline, since a sleep can end late when every suite runs at once).
    static func waitUntil(_ seconds: TimeInterval = 60, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? condition()) == true { return true }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return (try? condition()) == true
    }

    /// Writes a chain file in the home directory.
    func chain(_ text: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/chain-\(UUID()).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
