import Foundation

/// Writes every event as one line of the event log (format v1, JSON Lines;
/// `docs/event-log.md`) through `write`, as the event happens.
public final class EventLogRecorder: RunEventHandler {
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Date

    /// A recorder handing each line (without its newline) to `write`.
    public init(clock: @escaping @Sendable () -> Date = { Date() }, write: @escaping @Sendable (String) -> Void) {
        self.write = write
        self.clock = clock
    }

    public func handle(_ event: RunEvent, run: RunInfo) throws {
        write(EventLogFormat.line(event, run: run, time: clock()).compactJSON())
    }

    public func onHandlerError(_ error: RunError, handler: String, event: String, run: RunInfo) {}
}

/// The JSON object of one event-log line.
public enum EventLogFormat {
    /// The format version written in every line's `v`.
    public static let version = 1

    /// The line for `event` of `run` at `time`.
    public static func line(_ event: RunEvent, run: RunInfo, time: Date) -> Value {
        var object: ValueObject = [
            "v": .int(version), "event": .string(event.name), "run_id": .string(run.runId.lowercasedString),
            "parent_run_id": run.parentRunId.map { .string($0.lowercasedString) } ?? .null,
            "name": .string(run.name), "run_type": .string(run.runType.rawValue),
            "tags": .array(run.tags.map(Value.string)), "time": .string(timestamp(time)),
        ]
        if event.isStart { object["metadata"] = .object(run.metadata) }
        for (key, value) in payload(event) { object[key] = value }
        return .object(object)
    }

    /// The event's own fields.
    static func payload(_ event: RunEvent) -> ValueObject {
        switch event {
        case .chainStart(let inputs): return ["inputs": inputs]
        case .chainEnd(let outputs, let inputs): return inputs.map { ["outputs": outputs, "inputs": $0] } ?? ["outputs": outputs]
        case .chainError(let error, let inputs):
            return inputs.map { ["error": errorValue(error), "inputs": $0] } ?? ["error": errorValue(error)]
        case .chatModelStart(let messages): return ["messages": .array(messages.map { .array($0.map(Value.message)) })]
        case .llmStart(let prompts): return ["prompts": .array(prompts.map(Value.string))]
        case .newToken(let token, _): return ["token": .string(token)]
        case .llmEnd(let result): return ["response": result.serialized()]
        case .llmError(let error, _): return ["error": errorValue(error)]
        case .toolStart(let input, let inputs): return inputs.map { ["input": .string(input), "inputs": $0] } ?? ["input": .string(input)]
        case .toolEnd(let output): return ["output": output]
        case .toolError(let error), .retrieverError(let error): return ["error": errorValue(error)]
        case .retrieverStart(let query): return ["query": .string(query)]
        case .retrieverEnd(let documents): return ["documents": .array(documents.map(Value.document))]
        case .text(let text): return ["text": .string(text)]
        case .retry(let state):
            return ["retry": ["attempt": .int(state.attemptNumber), "error": errorValue(state.error), "wait_s": .double(state.waitSeconds)]]
        case .custom(_, let data): return ["data": data]
        }
    }

    static func errorValue(_ error: RunError) -> Value {
        ["type": .string(error.type), "message": .string(error.message)]
    }

    /// RFC 3339 in UTC with microseconds: `2026-11-24T23:38:54.123456Z`.
    public static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = time_t(seconds.rounded(.down))
        var micros = Int(((seconds - Double(whole)) * 1_000_000).rounded())
        if micros >= 1_000_000 { whole += 1; micros -= 1_000_000 }
        var parts = tm()
        gmtime_r(&whole, &parts)
        func pad(_ n: Int32, _ width: Int) -> String {
            let text = String(n)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let micro = String(micros)
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
            + String(repeating: "0", count: 6 - micro.count) + micro + "Z"
    }
}
