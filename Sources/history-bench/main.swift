// history-bench: prints the run history's speed figures as JSON. Run it in release:
//   swift run -c release history-bench [--traces 100000] [--runs-per-trace 20]
import Foundation
import RunscopeCore
import RunscopeHistory

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? fallback
}
let traceCount = option("--traces", 100_000)
/// `--only insert|stream|history|diff|cli`: one part of the figures (for profiling one of them).
let only = arguments.firstIndex(of: "--only").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
func runs(_ part: String) -> Bool { only == nil || only == part }
let runsPerTrace = option("--runs-per-trace", 20)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("history-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
/// `--keep`: leave the generated databases in place (their folder is printed on stderr), to query them with sqlite3.
let keep = arguments.contains("--keep")

var figures: [(String, Value)] = []
@MainActor func record(_ name: String, _ value: Double) {
    figures.append((name, .double((value * 1000).rounded() / 1000)))
    FileHandle.standardError.write(Data("\(name): \(value)\n".utf8))
}

// 1. Insert throughput: 1,000,000 token events of 100 streaming model runs, from one thread.
if runs("insert") {
    let insert = try Insertion.throughput(path: directory + "/insert.sqlite", runs: 100, tokensPerRun: option("--tokens-per-run", 10_000))
    record("insert_events_per_s", insert.eventsPerSecond)
    record("enqueue_ns_per_event", insert.enqueueNanoseconds)
    let token = try Insertion.tokenCost(path: directory + "/tokens.sqlite")
    record("token_ns_on_the_chain_thread.history", token.recorder)
    record("token_ns_on_the_chain_thread.noop_handler", token.noop)
    let parts = Insertion.tokenParts(path: directory + "/parts.sqlite")
    record("token_ns_on_the_chain_thread.clock_alone", parts.clock)
    record("token_ns_on_the_chain_thread.queue_alone", parts.queue)
    record("token_ns_on_the_chain_thread.lock_alone", parts.lock)
}

// 2. A chain's streaming speed with history on and off.
if runs("stream") {
    let speed = try await Insertion.streaming(path: directory + "/stream.sqlite")
    record("stream_tokens_per_s.no_handler", speed.noHandler)
    record("stream_tokens_per_s.history_off", speed.historyOff)
    record("stream_tokens_per_s.history_on", speed.historyOn)
    record("stream_slowdown_percent", speed.slowdownPercent)
    record("stream_slowdown_percent.q1", speed.slowdownQuartiles.0)
    record("stream_slowdown_percent.q3", speed.slowdownQuartiles.1)
    record("stream_slowdown_vs_no_handler_percent", speed.slowdownVsNoHandlerPercent)
}

// 3. A big history: listing, full-text search, opening a 10,000-run trace.
if runs("history") {
    // `--database PATH`: measure a history made before (by `--keep`) instead of making one;
    // one of an older schema is migrated first, and the migration is timed.
    let given = arguments.firstIndex(of: "--database").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    let path = given ?? directory + "/big.sqlite"
    if given == nil {
        let made = try Generator.fill(path: path, traces: traceCount, runsPerTrace: runsPerTrace)
        record("generate_seconds", made.seconds)
        record("history_traces", Double(traceCount))
        record("history_runs", Double(made.runs))
        record("history_file_mb", made.megabytes)
    }
    let opening = ContinuousClock.now
    let store = try HistoryStore.open(path: path)
    record("open_database_ms", Timing.seconds(ContinuousClock.now - opening) * 1000)
    let rssBefore = Memory.residentMegabytes()
    record("list_first_20_ms", try Timing.best { _ = try store.traces(TraceFilter(limit: 20)) })
    record("list_rss_growth_mb", Memory.residentMegabytes() - rssBefore)
    record("list_failed_first_20_ms", try Timing.best { _ = try store.traces(TraceFilter(status: "failed", limit: 20)) })
    record("search_rare_word_ms", try Timing.best { _ = try store.traces(TraceFilter(search: Generator.rareWord, limit: 20)) })
    record("search_common_word_ms", try Timing.best { _ = try store.traces(TraceFilter(search: "answer", limit: 20)) })
    let big = try Generator.bigTrace(path: path, runs: 10_000)
    record("open_10k_run_trace_ms", try Timing.best {
        // What `show` reads: the runs and every event line, each parsed as JSON.
        let runs = try store.runs(trace: big)
        let lines = try store.eventLines(trace: big)
        var parsed = 0
        for line in lines where (try? JSONParser.parse(line)) != nil { parsed += 1 }
        precondition(runs.count == 10_000 && parsed == lines.count)
    })
    record("open_part_runs_ms", try Timing.best { _ = try store.runs(trace: big) })
    record("open_part_lines_ms", try Timing.best { _ = try store.eventLines(trace: big) })
    let bigLines = try store.eventLines(trace: big)
    record("open_part_parse_ms", try Timing.best { for line in bigLines { _ = try? JSONParser.parse(line) } })
    record("diff_10k_run_traces_ms", try Timing.best(rounds: 3) {
        let runs = try store.runs(trace: big)
        let summary = try store.trace(id: big)!
        _ = RunDiff(a: summary, runsA: runs, b: summary, runsB: runs)
    })
}

// 4. A word diff of two outputs of 1,000 words, one in ten changed (the largest still aligned word by word: 4,000,000 cells).
if runs("diff") {
    let a = (0..<1_000).map { "word\($0)" }.joined(separator: " ")
    let b = (0..<1_000).map { $0 % 10 == 0 ? "other\($0)" : "word\($0)" }.joined(separator: " ")
    record("word_diff_1k_words_ms", try Timing.best(rounds: 3) { _ = WordDiff.diff(a, b) })
}

// 5. The same through the command line: `runscope run --no-tui` with the history on and off
// (`--runscope PATH`, else the runscope built beside this benchmark; skipped when there is none).
if runs("cli") {
    let given = arguments.firstIndex(of: "--runscope").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("runscope").path
    let binary = given ?? beside
    if FileManager.default.isExecutableFile(atPath: binary) {
        let cli = try CommandLineStreaming.measure(binary: binary, directory: directory)
        record("cli_stream_seconds.history_off", cli.offSeconds)
        record("cli_stream_seconds.history_on", cli.onSeconds)
        record("cli_stream_slowdown_percent", cli.slowdownPercent)
        record("cli_exit_seconds.history_on", cli.onExitSeconds)
    } else {
        FileHandle.standardError.write(Data("cli: no runscope at \(binary) (build it with swift build -c release --product runscope)\n".utf8))
    }
}

let json = Value.object(ValueObject(figures))
print(json.jsonString(indent: 2))

// Removed here, at the end (with the `defer` this replaces, `--only insert` left tokens.sqlite behind).
if keep { FileHandle.standardError.write(Data("kept: \(directory)\n".utf8)) } else { try? FileManager.default.removeItem(atPath: directory) }
