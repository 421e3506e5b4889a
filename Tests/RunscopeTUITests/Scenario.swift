import Foundation
import RunscopeCore
import RunscopeInspector

/// Fixed event sequences for screen snapshots: ids count up, times start at a
/// fixed date and move 0.1 s per event, so every frame is stable.
struct Scenario {
    static let base = Date(timeIntervalSinceReferenceDate: 800_000_000)
    var state: InspectorState
    private var ids: [String: UUID] = [:]
    private var infos: [String: RunInfo] = [:]
    private var time = Scenario.base
    private var pending: [TimedEvent] = []

    init(title: String = "chain.json", width: Int = 80, height: Int = 24) {
        state = InspectorState(title: title, width: width, height: height, now: Scenario.base)
        _ = reduce(&state, .chainStarted(Scenario.base))
    }

    private mutating func id(_ key: String) -> UUID {
        if let id = ids[key] { return id }
        let id = UUID(uuidString: String(format: "0190a000-0000-7000-8000-%012d", ids.count + 1))!
        ids[key] = id
        return id
    }

    private mutating func tick() -> Date {
        time = time.addingTimeInterval(0.1)
        return time
    }

    mutating func start(_ key: String, name: String? = nil, parent: String? = nil, type: RunType = .chain,
                        tags: [String] = [], input: Value = ["topic": "terminals"], metadata: ValueObject = [:],
                        prompt: [Message]? = nil) {
        let info = RunInfo(runId: id(key), parentRunId: parent.map { id($0) }, name: name ?? key, runType: type, tags: tags,
                           metadata: type.isModel && metadata["ls_provider"] == nil ? metadata.merging(["ls_provider": "fake"]) : metadata)
        infos[key] = info
        let messages = prompt ?? [.system("Be brief."), .human(input.text)]
        let event: RunEvent
        switch type {
        case .chatModel, .llm: event = .chatModelStart(messages: [messages])
        case .tool: event = .toolStart(input: input.compactJSON(), inputs: input)
        default: event = .chainStart(inputs: input)
        }
        pending.append(TimedEvent(event, run: info, time: tick()))
    }

    /// Ends a run with an event of the caller's choice (a tool's message, a model's tool calls).
    mutating func finish(_ key: String, _ event: RunEvent) {
        pending.append(TimedEvent(event, run: infos[key]!, time: tick()))
    }

    /// Streams `text` as words and spaces.
    mutating func stream(_ key: String, _ text: String) {
        var word = ""
        for character in text {
            if character == " " || character == "\n" {
                if !word.isEmpty { pending.append(TimedEvent(.newToken(word, chunk: nil), run: infos[key]!, time: tick())) }
                pending.append(TimedEvent(.newToken(String(character), chunk: nil), run: infos[key]!, time: tick()))
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { pending.append(TimedEvent(.newToken(word, chunk: nil), run: infos[key]!, time: tick())) }
    }

    /// Ends a run; a model run with `usage`, its response naming `responseModel` if given.
    mutating func end(_ key: String, output: Value = "done", usage: UsageMetadata = UsageMetadata(inputTokens: 12, outputTokens: 30),
                      responseModel: String? = nil) {
        let info = infos[key]!
        let event: RunEvent
        if info.runType.isModel {
            var metadata: ValueObject = ["finish_reason": "stop"]
            if let responseModel { metadata["model_name"] = .string(responseModel) }
            let message = Message(role: .ai, content: output.text, usage: usage, responseMetadata: metadata)
            event = .llmEnd(LLMResult(generations: [[Generation(text: output.text, message: message)]]))
        } else {
            event = .chainEnd(outputs: output, inputs: nil)
        }
        pending.append(TimedEvent(event, run: info, time: tick()))
    }

    mutating func fail(_ key: String, type: String = "ValueError", message: String) {
        let info = infos[key]!
        let error = RunError(type: type, message: message)
        let event: RunEvent = info.runType.isModel ? .llmError(error, response: nil) : .chainError(error, inputs: nil)
        pending.append(TimedEvent(event, run: info, time: tick()))
    }

    /// Hands the events so far to the reducer, then ticks the clock to the last event.
    mutating func flush() {
        _ = reduce(&state, .events(pending))
        pending = []
        _ = reduce(&state, .tick(time))
    }

    mutating func keys(_ keys: Key...) {
        flush()
        for key in keys { _ = reduce(&state, .key(key)) }
    }

    mutating func endChain(_ result: ChainResult) {
        flush()
        _ = reduce(&state, .chainEnded(result, tick()))
    }

    /// The demo's shape: a parallel map of two prompt | model | parser branches.
    mutating func parallelBranches(joke: String, poem: String) {
        start("seq", name: "RunnableSequence")
        start("par", name: "RunnableParallel<joke,poem>", parent: "seq", tags: ["seq:step:1"])
        for branch in ["joke", "poem"] {
            start(branch, name: "RunnableSequence", parent: "par", tags: ["map:key:\(branch)"])
        }
        for branch in ["joke", "poem"] {
            start("\(branch)-prompt", name: "ChatPromptTemplate", parent: branch, type: .prompt, tags: ["seq:step:1"])
            end("\(branch)-prompt", output: .string("Tell me a \(branch) about terminals"))
            start("\(branch)-model", name: branch == "joke" ? "JokeModel" : "PoemModel", parent: branch, type: .chatModel,
                  tags: ["seq:step:2"], input: .string("Tell me a \(branch) about terminals"))
        }
        var jokeWords = joke.split(separator: " ", omittingEmptySubsequences: false).makeIterator()
        var poemWords = poem.split(separator: " ", omittingEmptySubsequences: false).makeIterator()
        var first = true
        while true {
            let left = jokeWords.next()
            let right = poemWords.next()
            if left == nil && right == nil { break }
            if let left { stream("joke-model", (first ? "" : " ") + left) }
            if let right { stream("poem-model", (first ? "" : " ") + right) }
            first = false
        }
    }
}
