import Foundation
import RunscopeCore
import RunscopeHistory

/// Insert throughput and the cost of the history on a streaming chain.
enum Insertion {
    /// Events per second from the first `handle` until everything is committed, and the
    /// chain thread's cost per event (the enqueue alone).
    static func throughput(path: String, runs: Int, tokensPerRun: Int) throws -> (eventsPerSecond: Double, enqueueNanoseconds: Double) {
        let recorder = HistoryRecorder(path: path, source: "bench")
        let root = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "bench", runType: .chain)
        let models = (0..<runs).map { i in RunInfo(runId: UUIDv7.make(), parentRunId: root.runId, name: "model\(i)", runType: .chatModel) }
        let start = ContinuousClock.now
        var events = 0
        try recorder.handle(.chainStart(inputs: "x"), run: root)
        for model in models {
            try recorder.handle(.chatModelStart(messages: [[.human("go")]]), run: model)
            for t in 0..<tokensPerRun { try recorder.handle(.newToken(t % 2 == 0 ? "word" : " ", chunk: nil), run: model) }
            try recorder.handle(.llmEnd(LLMResult(generations: [[Generation(text: "done")]])), run: model)
            events += tokensPerRun + 2
        }
        try recorder.handle(.chainEnd(outputs: "done", inputs: nil), run: root)
        let enqueued = Timing.seconds(ContinuousClock.now - start)
        let report = recorder.close()
        precondition(report.warnings.isEmpty, "\(report.warnings)")
        let total = Timing.seconds(ContinuousClock.now - start)
        return (Double(events + 2) / total, enqueued / Double(events + 2) * 1e9)
    }

    /// The chain thread's cost of one token given to the recorder (`onLLMNewToken`, the
    /// path a chain's tokens take), in nanoseconds: the mean over `tokens` tokens, and
    /// the same loop's cost with a handler that does nothing, for comparison.
    static func tokenCost(path: String, tokens: Int = 1_000_000) throws -> (recorder: Double, noop: Double) {
        let model = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "model", runType: .chatModel)
        func cost(_ handler: any CallbackHandler) throws -> Double {
            try handler.onChatModelStart(model, messages: [[.human("go")]])
            let start = ContinuousClock.now
            for t in 0..<tokens { try handler.onLLMNewToken(model, token: t % 2 == 0 ? "word" : " ", chunk: nil) }
            let seconds = Timing.seconds(ContinuousClock.now - start)
            try handler.onLLMEnd(model, response: LLMResult(generations: [[Generation(text: "done")]]))
            return seconds / Double(tokens) * 1e9
        }
        let recorder = HistoryRecorder(path: path, source: "bench")
        let figure = try cost(recorder)
        recorder.close()
        return (figure, try cost(NoopHandler()))
    }

    /// The parts of a token's cost on the chain thread, per token: reading the clock
    /// (`Date()`) alone, queueing a token with a time already read, and the queue's lock
    /// taken and released around nothing.
    static func tokenParts(path: String, tokens: Int = 1_000_000) -> (clock: Double, queue: Double, lock: Double) {
        var start = ContinuousClock.now
        var sum = 0.0
        for _ in 0..<tokens { sum += Date().timeIntervalSince1970 }
        let clock = Timing.seconds(ContinuousClock.now - start) / Double(tokens) * 1e9
        let recorder = HistoryRecorder(path: path, source: "bench")
        let model = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "model", runType: .chatModel)
        try? recorder.onChatModelStart(model, messages: [[.human("go")]])
        let time = Date(timeIntervalSince1970: sum > 0 ? 1_800_000_000 : 0)
        start = ContinuousClock.now
        for t in 0..<tokens { recorder.enqueue(QueuedEvent(token: t % 2 == 0 ? "word" : " ", runId: model.runId, time: time)) }
        let queue = Timing.seconds(ContinuousClock.now - start) / Double(tokens) * 1e9
        recorder.close()
        let counter = Locked(0)
        start = ContinuousClock.now
        for _ in 0..<tokens { counter.withLock { $0 += 1 } }
        let lock = Timing.seconds(ContinuousClock.now - start) / Double(tokens) * 1e9
        return (clock, queue, lock)
    }

    /// The figures of `streaming`: the best rate of each kind, and the median over rounds of
    /// each round's slowdown (the kinds of one round run back to back, so a machine that
    /// speeds up or slows down between rounds moves the three alike).
    struct Streaming {
        var noHandler = 0.0
        var historyOff = 0.0
        var historyOn = 0.0
        var slowdownPercent = 0.0
        /// The rounds' slowdowns at the first and third quartile (how much the machine's noise spreads them).
        var slowdownQuartiles = (0.0, 0.0)
        var slowdownVsNoHandlerPercent = 0.0
    }

    /// Tokens per second of prompt | scripted model (100,000 words) | parser, streamed: with no
    /// handler at all; with history off, which is one handler that takes every event and does
    /// nothing (what `runscope run --no-history` has: ErrorOrigin headless, the inspector in
    /// the terminal); and with history on, that handler and the history recorder.
    static func streaming(path: String, rounds: Int = 21) async throws -> Streaming {
        // 100,000 words (200,000 tokens, about 0.4 s a stream): long enough that opening the
        // database at the recorder's start is not a share of the stream's time, as in a real run.
        let text = (0..<100_000).map { "word\($0)" }.joined(separator: " ")
        let chain = try ChatPromptTemplate.fromTemplate("Say {x}") | GenericFakeChatModel(responses: [text], tokenDelay: 0) | StrOutputParser()
        /// One streamed run's tokens per second.
        func rate(_ handlers: [any RunEventHandler]) async throws -> Double {
            let start = ContinuousClock.now
            var chunks = 0
            for try await _ in chain.streamValues(["x": "hi"], config: RunConfig(callbacks: handlers)) { chunks += 1 }
            let rate = Double(chunks) / Timing.seconds(ContinuousClock.now - start)
            for case let recorder as HistoryRecorder in handlers { recorder.close() }
            return rate
        }
        var figures = Streaming()
        var slowdowns: [Double] = [], fromNone: [Double] = []
        // HISTORY_BENCH_KIND=0|1|2 streams one kind only (for `perf stat` over one kind's work);
        // HISTORY_BENCH_ROUNDS prints each round's rates.
        let environment = ProcessInfo.processInfo.environment
        let only = environment["HISTORY_BENCH_KIND"].flatMap(Int.init)
        let printRounds = environment["HISTORY_BENCH_ROUNDS"] != nil
        for round in 0..<rounds {
            // The order turns round by round, so no kind always runs first (or after the writer's close).
            var rates: [Int: Double] = [:]
            for step in 0..<3 {
                let kind = only ?? (round + step) % 3
                let handlers: [any RunEventHandler] = [[], [NoopHandler()], [NoopHandler(), HistoryRecorder(path: path, source: "bench")]][kind]
                rates[kind] = try await rate(handlers)
            }
            guard only == nil else { continue }
            let (none, off, on) = (rates[0]!, rates[1]!, rates[2]!)
            if printRounds {
                FileHandle.standardError.write("round \(round): none \(Int(none)) off \(Int(off)) on \(Int(on))\n".data(using: .utf8)!)
            }
            figures.noHandler = max(figures.noHandler, none)
            figures.historyOff = max(figures.historyOff, off)
            figures.historyOn = max(figures.historyOn, on)
            slowdowns.append((off / on - 1) * 100)
            fromNone.append((none / on - 1) * 100)
        }
        figures.slowdownPercent = median(slowdowns)
        let sorted = slowdowns.sorted()
        if !sorted.isEmpty { figures.slowdownQuartiles = (sorted[sorted.count / 4], sorted[sorted.count * 3 / 4]) }
        figures.slowdownVsNoHandlerPercent = median(fromNone)
        return figures
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

/// A handler that takes every event and does nothing with it.
final class NoopHandler: RunEventHandler {
    func handle(_ event: RunEvent, run: RunInfo) throws {}
}

/// Timing helpers.
enum Timing {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The best of `rounds` runs of `body`, in milliseconds.
    static func best(rounds: Int = 7, _ body: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            try body()
            best = min(best, seconds(ContinuousClock.now - start) * 1000)
        }
        return best
    }
}

/// The process's resident memory.
enum Memory {
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
