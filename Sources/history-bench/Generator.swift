import Foundation
import RunscopeCore
import RunscopeHistory

/// Fills a history through the real recorder: traces of a chain with model and tool runs.
enum Generator {
    /// A word that only one trace in 10,000 has in its output.
    static let rareWord = "zebracorn"

    /// Writes `traces` traces of `runsPerTrace` runs, one minute apart, ending now.
    static func fill(path: String, traces: Int, runsPerTrace: Int) throws -> (seconds: Double, runs: Int, megabytes: Double) {
        let recorder = HistoryRecorder(path: path, source: "bench", capacity: 1 << 22)
        let start = ContinuousClock.now
        let now = Date()
        var runs = 0
        for t in 0..<traces {
            let time = now.addingTimeInterval(Double(t - traces) * 60)
            runs += trace(recorder, index: t, runs: runsPerTrace, at: time)
            if t % 2000 == 1999 { while recorder.pending > 200_000 { usleep(1000) } }
        }
        let report = recorder.close()
        precondition(report.warnings.isEmpty, "\(report.warnings)")
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
        return (Timing.seconds(ContinuousClock.now - start), runs, size / 1_048_576)
    }

    /// One trace: a root chain, then model and tool runs in turn, each with a few tokens.
    static func trace(_ recorder: HistoryRecorder, index: Int, runs: Int, at time: Date) -> Int {
        let root = RunInfo(runId: UUIDv7.make(now: time), parentRunId: nil, name: index % 10 == 0 ? "agent" : "qa-chain", runType: .chain)
        var clock = time
        func emit(_ event: RunEvent, _ run: RunInfo) {
            clock = clock.addingTimeInterval(0.001)
            recorder.enqueue(QueuedEvent(event: event, run: run, time: clock))
        }
        emit(.chainStart(inputs: ["question": .string("question number \(index)")]), root)
        for r in 1..<max(runs, 1) {
            if r % 2 == 1 {
                let model = RunInfo(runId: UUIDv7.make(now: clock), parentRunId: root.runId, name: "ChatModel", runType: .chatModel)
                emit(.chatModelStart(messages: [[.human("step \(r)")]]), model)
                for word in ["the", " ", "answer"] { emit(.newToken(word, chunk: nil), model) }
                let text = index % 10_000 == 7 && r == 1 ? "the answer \(rareWord)" : "the answer"
                emit(.llmEnd(LLMResult(generations: [[Generation(text: text)]])), model)
            } else {
                let tool = RunInfo(runId: UUIDv7.make(now: clock), parentRunId: root.runId, name: "calculator", runType: .tool)
                emit(.toolStart(input: "1+\(r)", inputs: nil), tool)
                emit(.toolEnd(output: .string("\(r + 1)")), tool)
            }
        }
        if index % 7 == 0 {
            emit(.chainError(RunError(type: "ValueError", message: "step failed"), inputs: nil), root)
        } else {
            emit(.chainEnd(outputs: "done", inputs: nil), root)
        }
        return max(runs, 1)
    }

    /// Adds one trace of `runs` runs (a root and its children) and returns its id.
    static func bigTrace(path: String, runs: Int) throws -> String {
        let recorder = HistoryRecorder(path: path, source: "bench")
        let root = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "big", runType: .chain)
        recorder.enqueue(QueuedEvent(event: .chainStart(inputs: "x"), run: root, time: Date()))
        for i in 1..<runs {
            let child = RunInfo(runId: UUIDv7.make(), parentRunId: root.runId, name: "step\(i % 10)", runType: .chain)
            recorder.enqueue(QueuedEvent(event: .chainStart(inputs: "in"), run: child, time: Date()))
            recorder.enqueue(QueuedEvent(event: .chainEnd(outputs: .string("out \(i)"), inputs: nil), run: child, time: Date()))
        }
        recorder.enqueue(QueuedEvent(event: .chainEnd(outputs: "x", inputs: nil), run: root, time: Date()))
        let report = recorder.close()
        precondition(report.warnings.isEmpty, "\(report.warnings)")
        return root.runId.lowercasedString
    }
}
