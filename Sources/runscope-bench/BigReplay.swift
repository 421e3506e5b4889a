import Foundation
import RunscopeCore

/// `runscope replay` of a big event log (release binary, history off): how soon the first
/// run is on the screen (tmux, polled every 5 ms), and an `--instant --no-tui --summary`
/// replay of the whole log: its wall time, lines per second and the process's peak RSS
/// (`wait4`), against the file's size. The log is one trace: a chain with model runs of
/// 1,000 tokens each, written with `EventLogFormat.line` until it holds `megabytes`.
struct BigReplay {
    let runscope: String
    let megabytes: Int

    /// The figures, or nil without the binary.
    func figures() throws -> Value? {
        guard FileManager.default.isExecutableFile(atPath: runscope) else { return nil }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-big-replay-\(getpid()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try writeLog(path)
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let firstRun = firstRunMilliseconds(path)
        let (seconds, peak) = instantReplay(path)
        return [
            "log_mb": round3(Double(bytes) / 1_048_576), "lines": .int(lines),
            "first_run_on_screen_ms": firstRun.map(round3) ?? .null,
            "instant_replay_s": round3(seconds), "lines_per_s": round3(Double(lines) / seconds),
            "peak_rss_mb": round3(Double(peak) / 1024),
        ]
    }

    /// Writes the log; returns its line count.
    private func writeLog(_ path: String) throws -> Int {
        FileManager.default.createFile(atPath: path, contents: nil)
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? file.close() }
        var time = Date(timeIntervalSince1970: 1_800_000_000)
        func line(_ event: RunEvent, _ run: RunInfo) -> String {
            time = time.addingTimeInterval(0.000_25)
            return EventLogFormat.line(event, run: run, time: time).compactJSON() + "\n"
        }
        let root = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "BigTrace", runType: .chain)
        var buffer = line(.chainStart(inputs: ["topic": "a long day"]), root)
        var written = 0, count = 1, model = 0
        while written + buffer.utf8.count < megabytes * 1_048_576 {
            model += 1
            let run = RunInfo(runId: UUIDv7.make(), parentRunId: root.runId, name: "ChatModel \(model)", runType: .chatModel)
            buffer += line(.chatModelStart(messages: [[.human("part \(model)")]]), run)
            for token in 0..<1000 { buffer += line(.newToken("word\(token % 97) ", chunk: nil), run) }
            buffer += line(.llmEnd(LLMResult(generations: [[Generation(text: "…")]])), run)
            count += 1002
            written += buffer.utf8.count
            file.write(Data(buffer.utf8))
            buffer = ""
        }
        file.write(Data(line(.chainEnd(outputs: ["done": true], inputs: nil), root).utf8))
        return count + 1
    }

    /// Milliseconds from launching the replay in tmux until its first model run is in the tree.
    private func firstRunMilliseconds(_ path: String) -> Double? {
        guard let tmux = which("tmux") else { return nil }
        let socket = "runscope-big-replay-\(getpid())"
        let start = Date()
        _ = shell(tmux, ["-L", socket, "-f", "/dev/null", "-u", "new-session", "-d", "-x", "120", "-y", "40",
                         "env LANG=C.UTF-8 RUNSCOPE_HISTORY=off \(runscope) replay \(path); sleep 5"], capture: false)
        defer { _ = shell(tmux, ["-L", socket, "kill-server"]) }
        while Date().timeIntervalSince(start) < 60 {
            if shell(tmux, ["-L", socket, "capture-pane", "-p"]).contains("ChatModel 1") { return Date().timeIntervalSince(start) * 1000 }
            usleep(5000)
        }
        return nil
    }

    /// Seconds of a headless instant replay of the whole log, and the process's peak RSS in KiB.
    private func instantReplay(_ path: String) -> (seconds: Double, peakKiB: Int) {
        var pid: pid_t = 0
        let arguments: [String] = [runscope, "replay", path, "--instant", "--no-tui", "--summary"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        setenv("RUNSCOPE_HISTORY", "off", 1)
        let start = Date()
        guard posix_spawn(&pid, runscope, &actions, nil, argv, environ) == 0 else { return (0, 0) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        return (Date().timeIntervalSince(start), usage.ru_maxrss)
    }
}
