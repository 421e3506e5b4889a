// runscope-bench: prints speed figures as JSON. Run it in release:
//   swift run -c release runscope-bench
//   swift run -c release runscope-bench --only otlp     (what --otlp costs the chain)
//   swift run -c release runscope-bench --only inspector     (a frame of 100,000 and 1,000,000 runs, the timeline, 200,000 tokens/s)
//   swift run -c release runscope-bench --only otlp-receive     (spans/s runscope otlp takes)
//   swift run -c release runscope-bench --only provider     (the providers' client overhead per chunk)
//   swift run -c release runscope-bench --only replay [MB]     (runscope replay of a 1 GB log: first run shown, memory)
//   swift run -c release runscope-bench --only stream     (stream and invoke of prompt | model | parser, for profiling)
import Foundation
import RunscopeBenchmarks
import RunscopeCore
import RunscopeProviders
import RunscopeTUI

/// A handler that does nothing (the cost of dispatch alone).
final class NoOpHandler: CallbackHandler {}

/// Times `body` a few times and returns the best (least disturbed) run in seconds.
func best(of rounds: Int = 5, _ body: () async throws -> Void) async rethrows -> Double {
    var bestTime = Double.infinity
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        bestTime = min(bestTime, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return bestTime
}

/// Nanoseconds per `on_llm_new_token` dispatch with `handlers` no-op handlers.
func dispatchCost(handlers: Int, events: Int = 2_000_000) async throws -> Double {
    let config = RunConfig(callbacks: (0..<handlers).map { _ in NoOpHandler() })
    let run = try config.startChainRun(name: "bench", inputs: [:])
    let seconds = try await best { for _ in 0..<events { try run.newToken("tok") } }
    return seconds / Double(events) * 1e9
}

/// The chain of LangChain's benchmark: prompt | scripted model (1000 words) | parser.
func benchChain() throws -> RunnableSequence {
    let text = (0..<1000).map { "word\($0)" }.joined(separator: " ")
    return try ChatPromptTemplate.fromTemplate("Say {x}") | GenericFakeChatModel(responses: [text], tokenDelay: 0)
        | StrOutputParser()
}

/// Microseconds per streamed token through the chain, via `stream()` or the pull API.
func streamCost(tracer: Bool, pull: Bool) async throws -> (perToken: Double, tokens: Int) {
    let chain = try benchChain()
    var count = 0
    let seconds = try await best(of: 30) {
        let config = RunConfig(callbacks: tracer ? [Tracer()] : [])
        count = 0
        if pull {
            for try await _ in chain.streamValues(["x": "hi"], config: config) { count += 1 }
        } else {
            for try await _ in chain.stream(["x": "hi"], config: config) { count += 1 }
        }
    }
    return (seconds / Double(count) * 1e6, count)
}

/// Microseconds per invoke of the three-step chain.
func invokeCost(tracer: Bool, invokes: Int = 2000) async throws -> Double {
    let chain = try ChatPromptTemplate.fromTemplate("Say {x}") | GenericFakeChatModel(responses: ["ok"], tokenDelay: 0)
        | StrOutputParser()
    let seconds = try await best(of: 3) {
        for _ in 0..<invokes {
            _ = try await chain.invoke(["x": "hi"], config: RunConfig(callbacks: tracer ? [Tracer()] : []))
        }
    }
    return seconds / Double(invokes) * 1e6
}

func round3(_ x: Double) -> Value { .double((x * 1000).rounded() / 1000) }

/// The providers' client overhead (10,000 chunks, best of 5); a lost chunk ends the run with exit 1.
func providerFigures() async -> Value {
    do {
        let provider = try await ProviderBenchmark.clientOverhead(chunks: 10_000, runs: 5)
        return [
            "chunks": .int(provider.chunks),
            "raw_body_read": round3(provider.rawReadMicrosPerChunk),
            "chat_openai_stream": round3(provider.chatStreamMicrosPerChunk),
            "client_overhead": round3(provider.overheadMicrosPerChunk),
            "invoke_with_token_handler": round3(provider.invokeMicrosPerChunk),
        ]
    } catch {
        FileHandle.standardError.write(Data("runscope-bench: the provider benchmark failed: \(error)\n".utf8))
        exit(1)
    }
}

if Array(CommandLine.arguments.dropFirst()) == ["--only", "provider"] {
    print(await providerFigures().jsonString(indent: 2))
    exit(0)
}

if Array(CommandLine.arguments.dropFirst()) == ["--only", "otlp-receive"] {
    print(try await OTLPReceiveBench.figures().jsonString(indent: 2))
    exit(0)
}

if Array(CommandLine.arguments.dropFirst(1).prefix(2)) == ["--only", "replay"] {
    let megabytes = CommandLine.arguments.dropFirst(3).first.flatMap { Int($0) } ?? 1024
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("runscope").path
    guard let figures = try BigReplay(runscope: binary, megabytes: megabytes).figures() else {
        FileHandle.standardError.write(Data("runscope-bench: build runscope in release first (swift build -c release --product runscope)\n".utf8))
        exit(1)
    }
    print(figures.jsonString(indent: 2))
    exit(0)
}

if Array(CommandLine.arguments.dropFirst()) == ["--only", "stream"] {
    let traced = try await streamCost(tracer: true, pull: false)
    let invokeTraced = try await invokeCost(tracer: true)
    var figures: ValueObject = [
        "stream_us_per_token": [
            "tokens": .int(traced.tokens),
            "stream_api_with_tracer": round3(traced.perToken),
            "pull_api_with_tracer": round3(try await streamCost(tracer: true, pull: true).perToken),
            "stream_api_no_handler": round3(try await streamCost(tracer: false, pull: false).perToken),
        ],
        "invoke_us_per_call": [
            "no_handler": round3(try await invokeCost(tracer: false)),
            "with_tracer": round3(invokeTraced),
        ],
    ]
    if let langchain = LangChainFigures.measure() {
        figures["langchain"] = langchain.value(streamWithTracer: traced.perToken, invokeWithTracer: invokeTraced)
    }
    print(Value.object(figures).jsonString(indent: 2))
    exit(0)
}

if Array(CommandLine.arguments.dropFirst()) == ["--only", "inspector"] {
    let tree = InspectorBenchmark.renderFrame(runs: 100_000)
    let timeline = InspectorBenchmark.renderFrame(runs: 100_000, timeline: true)
    let million = InspectorBenchmark.renderFrame(runs: 1_000_000)
    // 200,000 tokens/s for 5 s on one stream, drawn at 60 frames/s: the UI thread's share of a core.
    let fast = InspectorBenchmark.throughput(tokens: 1_000_000, streams: 1, framesPerSecond: 60, producerRate: 200_000)
    let figures: Value = [
        "render_100k_runs_ms_median": round3(tree.medianMilliseconds),
        "render_100k_runs_ms_max": round3(tree.maxMilliseconds),
        "render_1m_runs_ms_median": round3(million.medianMilliseconds),
        "render_1m_runs_ms_max": round3(million.maxMilliseconds),
        "timeline_100k_runs_ms_median": round3(timeline.medianMilliseconds),
        "timeline_100k_runs_ms_max": round3(timeline.maxMilliseconds),
        "stream_200k_tokens_per_s_tokens_per_s": round3(fast.tokensPerSecond),
        "stream_200k_tokens_per_s_frames_per_s": round3(Double(fast.frames) / fast.seconds),
        "stream_200k_tokens_per_s_ui_cpu_share": round3(fast.averageFrameMilliseconds * Double(fast.frames) / fast.seconds / 1000),
    ]
    print(figures.jsonString(indent: 2))
    exit(0)
}

if Array(CommandLine.arguments.dropFirst()) == ["--only", "otlp"] {
    print(try await OTLPBench.figures().jsonString(indent: 2))
    exit(0)
}

let streamTraced = try await streamCost(tracer: true, pull: false)
let pullTraced = try await streamCost(tracer: true, pull: true)
let streamBare = try await streamCost(tracer: false, pull: false)
let invokeTraced = try await invokeCost(tracer: true)
let langchain = LangChainFigures.measure()
let provider = await providerFigures()
let render = InspectorBenchmark.renderFrame(runs: 100_000)
let timelineRender = InspectorBenchmark.renderFrame(runs: 100_000, timeline: true)
let paced = InspectorBenchmark.throughput(tokens: 100_000, streams: 1, framesPerSecond: 60, producerRate: 20_000)
let flood = InspectorBenchmark.throughput(tokens: 1_000_000)
let memory = InspectorBenchmark.memory(runs: 100_000, tokens: 1_000_000)
let binaryFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let firstFrame = firstFrameMilliseconds(
    runscope: binaryFolder.appendingPathComponent("runscope").path, chain: root.appendingPathComponent("examples/joke.json").path)
let tail = try tailLatency(runscope: binaryFolder.appendingPathComponent("runscope").path)
let figures: Value = [
    "dispatch_ns_per_event": [
        "handlers_0": round3(try await dispatchCost(handlers: 0)),
        "handlers_1": round3(try await dispatchCost(handlers: 1)),
        "handlers_5": round3(try await dispatchCost(handlers: 5)),
    ],
    "stream_us_per_token": [
        "chain": "prompt | GenericFakeChatModel(1000 words) | StrOutputParser",
        "tokens": .int(streamTraced.tokens),
        "stream_api_with_tracer": round3(streamTraced.perToken),
        "pull_api_with_tracer": round3(pullTraced.perToken),
        "stream_api_no_handler": round3(streamBare.perToken),
    ],
    "invoke_us_per_call": [
        "no_handler": round3(try await invokeCost(tracer: false)),
        "with_tracer": round3(invokeTraced),
    ],
    "langchain": langchain?.value(streamWithTracer: streamTraced.perToken, invokeWithTracer: invokeTraced) ?? .null,
    "sse_parse_mb_per_s": [
        "chunk_64": round3(parsed(StreamParserBenchmark.sse(totalBytes: 32_000_000, chunkSize: 64))),
        "chunk_4096": round3(parsed(StreamParserBenchmark.sse(totalBytes: 32_000_000, chunkSize: 4096))),
    ],
    "provider_us_per_chunk": provider,

    "inspector": [
        "render_100k_runs_ms_median": round3(render.medianMilliseconds),
        "render_100k_runs_ms_max": round3(render.maxMilliseconds),
        "timeline_100k_runs_ms_median": round3(timelineRender.medianMilliseconds),
        "timeline_100k_runs_ms_max": round3(timelineRender.maxMilliseconds),
        "stream_20k_tokens_per_s_frames_per_s": round3(Double(paced.frames) / paced.seconds),
        "stream_20k_tokens_per_s_ui_cpu_share": round3(paced.averageFrameMilliseconds * Double(paced.frames) / paced.seconds / 1000),
        "flood_tokens_per_s": round3(flood.tokensPerSecond),
        "memory_100k_runs_1m_tokens_mb": round3(Double(memory.residentBytes) / 1_048_576),
        "first_frame_ms": firstFrame.map(round3) ?? .null,
    ],
    "tail_line_to_output_ms": [
        "median": tail.map { round3($0.median) } ?? .null,
        "p99": tail.map { round3($0.p99) } ?? .null,
    ],
    "ndjson_parse_mb_per_s": [
        "chunk_4096": round3(parsed(StreamParserBenchmark.ndjson(totalBytes: 32_000_000, chunkSize: 4096))),
    ],
]
print(figures.jsonString(indent: 2))

/// A parser's throughput, once every event or line it was fed came out (else the run ends with an error).
func parsed(_ figures: StreamParserBenchmark.Figures) -> Double {
    guard figures.isComplete else {
        FileHandle.standardError.write(Data("runscope-bench: the parser gave \(figures.parsed) of \(figures.expected) events\n".utf8))
        exit(1)
    }
    return figures.megabytesPerSecond
}
