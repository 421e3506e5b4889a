import Foundation
import RunscopeCore
import RunscopeInspector
import RunscopeTUI
import TerminalUI

extension InspectorBenchmark {
    /// Tokens through the whole pipeline.
    public struct ThroughputFigures: Sendable {
        public var tokens: Int
        public var seconds: Double
        /// Tokens handed off, drained, reduced and shown per second.
        public var tokensPerSecond: Double
        public var frames: Int
        /// Milliseconds of UI work (drain + reduce + render + diff) per frame.
        public var averageFrameMilliseconds: Double
        public var maxFrameMilliseconds: Double
    }

    /// A producer thread sends `tokens` tokens over `streams` parallel model runs
    /// through an ``InspectorHandler`` as fast as it can (or at `producerRate`
    /// tokens/s); this thread drains, reduces and renders at `framesPerSecond`.
    public static func throughput(
        tokens: Int = 1_000_000, streams: Int = 4, framesPerSecond: Double = 60, producerRate: Double? = nil
    ) -> ThroughputFigures {
        let handler = InspectorHandler()
        let root = RunInfo(runId: UUID(), parentRunId: nil, name: "RunnableParallel", runType: .chain)
        let models = (0..<streams).map { RunInfo(runId: UUID(), parentRunId: root.runId, name: "ChatModel \($0)", runType: .chatModel) }
        var state = InspectorState(title: "throughput.json", width: 120, height: 40)
        _ = reduce(&state, .chainStarted(Date()))
        handler.handle(.chainStart(inputs: "go"), run: root)
        for model in models { handler.handle(.chatModelStart(messages: [[.human("go")]]), run: model) }
        let producer = Self.producer(handler: handler, models: models, tokens: tokens, rate: producerRate)
        let view = InspectorView()
        var cache = ViewCache()
        var pane = PaneViewport()
        var previous = Buffer(width: 0, height: 0)
        var frameTimes: [Double] = []
        let start = Date()
        producer.start()
        while state.totalTokens < tokens {
            let frameStart = DispatchTime.now().uptimeNanoseconds
            _ = reduce(&state, .events(handler.drain()))
            _ = reduce(&state, .tick(Date()))
            let buffer = view.render(state, pane: &pane, cache: &cache)
            _ = buffer.diff(from: previous)
            previous = buffer
            let spent = Double(DispatchTime.now().uptimeNanoseconds - frameStart) / 1e9
            frameTimes.append(spent * 1000)
            if spent < 1 / framesPerSecond { Thread.sleep(forTimeInterval: 1 / framesPerSecond - spent) }
        }
        let seconds = Date().timeIntervalSince(start)
        return ThroughputFigures(
            tokens: tokens, seconds: seconds, tokensPerSecond: Double(tokens) / seconds, frames: frameTimes.count,
            averageFrameMilliseconds: frameTimes.reduce(0, +) / Double(max(1, frameTimes.count)),
            maxFrameMilliseconds: frameTimes.max() ?? 0)
    }

    /// A thread sending `tokens` tokens round-robin over `models`, as fast as it can or at `rate` tokens/s.
    static func producer(handler: InspectorHandler, models: [RunInfo], tokens: Int, rate: Double?) -> Thread {
        Thread {
            let start = Date()
            for index in 0..<tokens {
                handler.handle(.newToken(index % 13 == 0 ? "\n" : "word\(index % 10) ", chunk: nil), run: models[index % models.count])
                if let rate, index % 1000 == 999 {
                    let due = start.addingTimeInterval(Double(index + 1) / rate).timeIntervalSinceNow
                    if due > 0 { Thread.sleep(forTimeInterval: due) }
                }
            }
        }
    }

    /// All figures as readable lines (for `runscope-bench` and `inspector-demo --bench`).
    public static func report(runs: Int = 100_000, tokens: Int = 1_000_000) -> String {
        let render = renderFrame(runs: runs)
        let memory = memory(runs: runs, tokens: tokens)
        let flood = throughput(tokens: tokens)
        let paced = throughput(tokens: 200_000, producerRate: 100_000)
        return """
            inspector render: \(render.runs) runs, 120x40, median \(String(format: "%.3f", render.medianMilliseconds)) ms/frame, \
            max \(String(format: "%.3f", render.maxMilliseconds)) ms (target < 5 ms)
            inspector memory: \(memory.runs) runs + \(memory.tokens) tokens: \
            \(String(format: "%.1f", Double(memory.residentBytes) / 1_048_576)) MB RSS growth (target < 200 MB)
            inspector throughput (flood, 4 streams, 60 fps): \(Int(flood.tokensPerSecond)) tokens/s, \
            \(flood.frames) frames, \(String(format: "%.2f", flood.averageFrameMilliseconds)) ms/frame avg, \
            \(String(format: "%.2f", flood.maxFrameMilliseconds)) max
            inspector throughput (paced 100k tokens/s, 60 fps): \(Int(paced.tokensPerSecond)) tokens/s kept up, \
            \(String(format: "%.2f", paced.averageFrameMilliseconds)) ms/frame avg, \
            \(String(format: "%.2f", paced.maxFrameMilliseconds)) max
            """
    }
}
