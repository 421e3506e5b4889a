import Foundation
import RunscopeCore
import RunscopeInspector

/// Builds event sequences at fixed times for reducer tests: runs are named,
/// their ids are made once, and the clock moves 0.1 s per event by default.
struct EventScript {
    static let base = Date(timeIntervalSinceReferenceDate: 800_000_000)
    private(set) var ids: [String: UUID] = [:]
    private(set) var infos: [String: RunInfo] = [:]
    var time = EventScript.base
    var step = 0.1

    mutating func id(_ name: String) -> UUID {
        if let id = ids[name] { return id }
        let id = UUID()
        ids[name] = id
        return id
    }

    /// The next event time.
    mutating func tick() -> Date {
        time = time.addingTimeInterval(step)
        return time
    }

    /// The info of run `name` (shown as `displayName` when given: LangGraph repeats names).
    mutating func info(_ name: String, parent: String?, type: RunType, tags: [String] = [], metadata: ValueObject = [:],
                       displayName: String? = nil) -> RunInfo {
        let info = RunInfo(runId: id(name), parentRunId: parent.map { id($0) }, name: displayName ?? name, runType: type, tags: tags,
                           metadata: metadata)
        infos[name] = info
        return info
    }

    mutating func start(_ name: String, parent: String? = nil, type: RunType = .chain, tags: [String] = []) -> TimedEvent {
        let info = info(name, parent: parent, type: type, tags: tags)
        let event: RunEvent = type.isModel ? .chatModelStart(messages: [[.human("prompt for \(name)")]]) : .chainStart(inputs: ["topic": "cats"])
        return TimedEvent(event, run: info, time: tick())
    }

    mutating func token(_ name: String, _ text: String) -> TimedEvent {
        TimedEvent(.newToken(text, chunk: nil), run: infos[name]!, time: tick())
    }

    mutating func end(_ name: String, output: Value = "done") -> TimedEvent {
        let info = infos[name]!
        let event: RunEvent
        if info.runType.isModel {
            let message = Message(role: .ai, content: output.text, usage: UsageMetadata(inputTokens: 5, outputTokens: 7),
                                  responseMetadata: ["finish_reason": "stop"])
            event = .llmEnd(LLMResult(generations: [[Generation(text: output.text, message: message)]]))
        } else {
            event = .chainEnd(outputs: output, inputs: nil)
        }
        return TimedEvent(event, run: info, time: tick())
    }

    mutating func fail(_ name: String, type: String = "ValueError", message: String = "boom") -> TimedEvent {
        let info = infos[name]!
        let error = RunError(type: type, message: message)
        let event: RunEvent = info.runType.isModel ? .llmError(error, response: nil) : .chainError(error, inputs: nil)
        return TimedEvent(event, run: info, time: tick())
    }
}

/// A state at the script's base time with a started chain, sized 120×40.
func startedState(width: Int = 120, height: Int = 40) -> InspectorState {
    var state = InspectorState(title: "chain.json", width: width, height: height, now: EventScript.base)
    _ = reduce(&state, .chainStarted(EventScript.base))
    return state
}

/// Applies keys in order and returns all effects.
@discardableResult
func press(_ state: inout InspectorState, _ keys: Key...) -> [InspectorEffect] {
    keys.flatMap { reduce(&state, .key($0)) }
}

/// The names of the visible rows, top to bottom.
func rowNames(_ state: InspectorState) -> [String] {
    state.forest.rows.map { state.forest[$0].name }
}

/// The selected run's name.
func selectedName(_ state: InspectorState) -> String? {
    state.selectedNode?.name
}
