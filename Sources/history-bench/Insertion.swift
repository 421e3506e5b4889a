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

    /// Tokens per second of prompt | scripted model (20,000 words) | parser, streamed: with no
    /// handler, with a handler that does nothing (the callbacks' own cost), and with the history.
    static func streaming(path: String) async throws -> (off: Double, noop: Double, on: Double) {
        let text = (0..<20_000).map { "word\($0)" }.joined(separator: " ")
        let chain = try ChatPromptTemplate.fromTemplate("Say {x}") | GenericFakeChatModel(responses: [text], tokenDelay: 0) | StrOutputParser()
        /// One streamed run's tokens per second.
        func rate(_ handler: (any RunEventHandler)?) async throws -> Double {
            let start = ContinuousClock.now
            var chunks = 0
            for try await _ in chain.streamValues(["x": "hi"], config: RunConfig(callbacks: handler.map { [$0] } ?? [])) { chunks += 1 }
            let rate = Double(chunks) / Timing.seconds(ContinuousClock.now - start)
            (handler as? HistoryRecorder)?.close()
            return rate
        }
        // The three kinds take turns, round by round, so a busy moment of the machine
        // lowers one round of each rather than all rounds of one; the best of each counts.
        var off = 0.0, noop = 0.0, on = 0.0
        for _ in 0..<9 {
            off = max(off, try await rate(nil))
            noop = max(noop, try await rate(NoopHandler()))
            on = max(on, try await rate(HistoryRecorder(path: path, source: "bench")))
        }
        return (off, noop, on)
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
