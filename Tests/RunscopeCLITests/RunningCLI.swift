import Foundation

/// The `runscope` binary started in the background, to talk to while it runs: its
/// standard error is read as it grows, and it is waited for with a deadline.
final class RunningCLI {
    let process = Process()
    private let errPath: String
    private let outPath: String

    /// Starts `runscope args...` (or another built program) in the repository root, its
    /// output going to temporary files.
    init(_ args: [String], executable: String = CLI.binary) throws {
        outPath = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-bg-\(UUID())").path
        errPath = outPath + ".err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        process.currentDirectoryURL = CLI.root
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }

    var stdout: String { String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self) }
    var stderr: String { String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self) }

    /// Waits until `condition` holds on standard error, for at most `timeout` seconds.
    func waitForStderr(timeout: TimeInterval = 20, _ condition: (String) -> Bool) async throws -> Bool {
        try await waitFor(timeout: timeout) { condition($0.stderr) }
    }

    /// Waits until `condition` holds on standard output, for at most `timeout` seconds.
    func waitForStdout(timeout: TimeInterval = 20, _ condition: (String) -> Bool) async throws -> Bool {
        try await waitFor(timeout: timeout) { condition($0.stdout) }
    }

    private func waitFor(timeout: TimeInterval, _ condition: (RunningCLI) -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(self) { return true }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return condition(self)
    }

    /// Waits for the process to exit, for at most `timeout` seconds; its status, or `nil` if it is still running.
    func waitForExit(timeout: TimeInterval = 30) async throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        return process.isRunning ? nil : process.terminationStatus
    }
}
