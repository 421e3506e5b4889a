import Foundation
import RunscopeCore

/// Milliseconds from appending an event-log line to a file until `runscope tail --no-tui
/// --console FILE` has printed it: the median and the 99th percentile over `samples`
/// lines, one every 20 ms; `nil` without the binary. The history is off for it.
func tailLatency(runscope: String, samples: Int = 100) throws -> (median: Double, p99: Double)? {
    guard FileManager.default.isExecutableFile(atPath: runscope) else { return nil }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-tail-bench-\(getpid())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let log = directory + "/run.jsonl"
    FileManager.default.createFile(atPath: log, contents: nil)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: runscope)
    process.arguments = ["tail", "--no-tui", "--console", log]
    var environment = ProcessInfo.processInfo.environment
    environment["RUNSCOPE_HISTORY"] = "off"
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    defer { process.terminate(); process.waitUntilExit() }

    let writer = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    let reader = output.fileHandleForReading
    var seen = ""
    var latencies: [Double] = []
    // The first line also waits for tail to start: it is not counted.
    for sample in -1..<samples {
        let name = "probe-\(sample + 1)"
        let line = EventLogFormat.line(
            .chainStart(inputs: ["x": 1]), run: RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: name, runType: .chain), time: Date())
        let start = ContinuousClock.now
        writer.write(Data((line.compactJSON() + "\n").utf8))
        while !seen.contains("chain:\(name)]") {
            let data = reader.availableData
            guard !data.isEmpty else { return nil }
            seen += String(decoding: data, as: UTF8.self)
        }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        if sample >= 0 { latencies.append(milliseconds) }
        seen = ""
        usleep(20_000)
    }
    latencies.sort()
    return (latencies[latencies.count / 2], latencies[min(latencies.count - 1, latencies.count * 99 / 100)])
}
