import Foundation

/// The history's cost as a user of the command line meets it: `runscope run chain.json
/// --no-tui` streaming a scripted model's 200,000 tokens to a pipe, with the history on
/// (the default) and off (`--no-history`), in rounds that run the two back to back. The
/// time is from the start of the process to the last byte of the streamed answer: the
/// chain's streaming as the user sees it (the history's writer may still be committing
/// the last batches then; `exit_seconds` is the time until the process has exited).
enum CommandLineStreaming {
    struct Figures {
        var offSeconds = Double.infinity
        var onSeconds = Double.infinity
        var slowdownPercent = 0.0
        var onExitSeconds = Double.infinity
    }

    /// `binary`: the runscope to run (a release build beside history-bench by default).
    static func measure(binary: String, directory: String, rounds: Int = 11) throws -> Figures {
        let chain = directory + "/stream-chain.json"
        let text = (0..<100_000).map { "word\($0)" }.joined(separator: " ")
        let file: [String: Any] = [
            "input": ["x": "hi"],
            "chain": [["prompt": [["human", "Say {x}"]]], ["model": "scripted", "responses": [text], "token_delay": 0], ["parser": "str"]],
        ]
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: chain))
        var figures = Figures()
        var slowdowns: [Double] = []
        for round in 0..<rounds {
            var seconds: [Bool: Double] = [:]
            for history in round % 2 == 0 ? [false, true] : [true, false] {
                let (answered, exited) = try run(binary, chain: chain, home: directory + "/cli-home", history: history, bytes: text.utf8.count)
                seconds[history] = answered
                if history { figures.onExitSeconds = min(figures.onExitSeconds, exited) }
            }
            figures.offSeconds = min(figures.offSeconds, seconds[false]!)
            figures.onSeconds = min(figures.onSeconds, seconds[true]!)
            slowdowns.append((seconds[true]! / seconds[false]! - 1) * 100)
        }
        figures.slowdownPercent = Insertion.median(slowdowns)
        return figures
    }

    /// One `runscope run`: seconds from its start until `bytes` bytes of output came, and until it exited.
    private static func run(_ binary: String, chain: String, home: String, history: Bool, bytes: Int) throws -> (Double, Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", chain, "--no-tui"] + (history ? [] : ["--no-history"])
        var environment = ProcessInfo.processInfo.environment
        environment["RUNSCOPE_HOME"] = home
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        let start = ContinuousClock.now
        try process.run()
        var received = 0
        while received < bytes {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            received += data.count
        }
        let answered = Timing.seconds(ContinuousClock.now - start)
        while !output.fileHandleForReading.availableData.isEmpty {}
        process.waitUntilExit()
        let exited = Timing.seconds(ContinuousClock.now - start)
        guard process.terminationStatus == 0, received >= bytes else {
            throw BenchError("runscope run exited with \(process.terminationStatus) after \(received) of \(bytes) bytes")
        }
        return (answered, exited)
    }
}

/// A benchmark that could not run as it should.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
