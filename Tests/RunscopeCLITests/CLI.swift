import Foundation
import RunscopeTestSupport

/// Runs the real `runscope` binary as a user would, with pipes for its output.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built binary: `RUNSCOPE_BIN`, else `runscope` beside the tests (built by `swift build`).
    static var binary: String { BuiltProducts.executable("runscope", override: "RUNSCOPE_BIN").path }

    /// The history every test run writes to unless it gives its own RUNSCOPE_HOME (never the user's).
    static let scratchHome = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-cli-home-\(UUID())").path

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `runscope args...` in the repository root, with a time limit.
    /// `fileBlocks`: the files it writes may not grow past this many 512-byte blocks
    /// (`ulimit -f`, SIGXFSZ ignored: a write past it fails as on a full disk).
    static func run(_ args: [String], environment: [String: String] = [:], timeout: TimeInterval = 60,
                    fileBlocks: Int? = nil) async throws -> Result {
        let process = Process()
        if let fileBlocks {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(fileBlocks); exec \"$0\" \"$@\"", binary] + args
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = args
        }
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(["RUNSCOPE_HOME": scratchHome]) { $1 }
            .merging(environment) { $1 }
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-out-\(UUID())").path
        let errPath = outPath + ".err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let outData = FileManager.default.contents(atPath: outPath) ?? Data()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
