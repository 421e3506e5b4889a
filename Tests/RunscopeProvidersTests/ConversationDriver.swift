import RunscopeCore
import RunscopeProviders
import RunscopeTestServer

/// Drives a chat model the way a tool-calling agent does: each step sends the whole
/// conversation with the tools bound, appends the AI answer, and the caller appends
/// the tool messages before the next step.
struct ConversationDriver {
    /// The tools the agent has, as the model receives them.
    static let weatherTool = ToolSpec(
        name: "get_weather", description: "Current weather for a city.",
        parameters: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]])
    static let tools: [ToolSpec] = [weatherTool, CalculatorTool().spec]

    let model: any ChatModel
    var messages: [Message]
    /// The text tokens of each step, as `on_llm_new_token` reported them.
    private(set) var tokensPerStep: [[String]] = []

    /// A conversation starting with a system prompt and a question.
    init(model: any ChatModel, question: String = "Weather in Paris, and what is 2 + 3?") {
        self.model = model
        self.messages = [.system("You are a helpful assistant."), .human(question)]
    }

    /// One model step: the answer, appended to the conversation.
    @discardableResult
    mutating func step() async throws -> Message {
        let recorder = TimedRecorder()
        var config = RunConfig(callbacks: [recorder])
        config.callKwargs = ["tools": .array(Self.tools.map(\.asValue))]
        let value = try await model.invoke(.array(messages.map(Value.message)), config: config)
        guard var answer = value.messageValue else { throw ScriptedError("the model answered \(value)") }
        answer.isChunk = false
        messages.append(answer)
        tokensPerStep.append(recorder.tokens.map(\.text).filter { !$0.isEmpty })
        return answer
    }

    /// Runs `call` as the agent's tools do: the calculator for real, `get_weather` from
    /// `weather` (a city's report, or a handled error when the city has none).
    static func run(_ call: ToolCall, weather: [String: String]) async throws -> Message {
        if call.name == "calculator" {
            let value = try await CalculatorTool().invoke(call.asValue, config: RunConfig())
            guard let message = value.messageValue else { throw ScriptedError("the calculator answered \(value)") }
            return message
        }
        let city = call.args["city"]?.stringValue ?? ""
        guard let report = weather[city] else {
            return .tool("Error: no weather report for \(city)", toolCallId: call.id ?? "", name: call.name, status: .error)
        }
        return .tool(report, toolCallId: call.id ?? "", name: call.name)
    }

    /// Runs every call of the last answer, in order, and appends the tool messages.
    mutating func runTools(weather: [String: String]) async throws {
        for call in messages.last?.toolCalls ?? [] {
            messages.append(try await Self.run(call, weather: weather))
        }
    }
}
