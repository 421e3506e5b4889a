import RunscopeCore

/// The Swift counterparts of the LangGraph agents recorded by
/// `scripts/make_agent_traces.py` (fixtures in `Fixtures/langgraph/`).
enum AgentCases {
    static let system = "You are a helpful assistant."
    static let weather = "What is the weather in Paris?"
    static let both = "Weather in Paris, and what is 2 + 3?"

    static func call(_ name: String, _ id: String, _ args: ValueObject) -> ToolCall {
        ToolCall(name: name, args: args, id: id)
    }

    static func model(_ answers: [Message]) -> GenericFakeChatModel {
        GenericFakeChatModel(messages: answers, tokenDelay: 0)
    }

    static func input(_ text: String) -> Value {
        ["messages": [["human", .string(text)]]]
    }

    static let getWeather = ScriptedTool(
        spec: ToolSpec(name: "get_weather", description: "Current weather for a city.",
                       parameters: ToolSpec.schema(shorthand: [("city", "string")])!),
        behavior: .returns(try! TextTemplate("It is sunny in {city}.")))

    static let getStockPrice = ScriptedTool(
        spec: ToolSpec(name: "get_stock_price", description: "The latest price of a stock.",
                       parameters: ToolSpec.schema(shorthand: [("symbol", "string")])!),
        behavior: .fails(try! TextTemplate("Unknown stock symbol: {symbol}"), handled: true))

    static let fetchNews = FunctionTool(
        spec: ToolSpec(name: "fetch_news", description: "Today's headlines on a topic.",
                       parameters: ToolSpec.schema(shorthand: [("topic", "string")])!)
    ) { args in
        throw ScriptedError("news service unavailable for '\(args["topic"]?.text ?? "")'", type: "ValueError")
    }

    /// A case: the agent and its input, by the fixture's base name.
    static func agent(_ name: String) -> (Agent, Value) {
        switch name {
        case "agent_one_tool":
            return (Agent(model: model([
                .ai("Let me check.", toolCalls: [call("get_weather", "call_1", ["city": "Paris"])]),
                .ai("It is sunny in Paris."),
            ]), tools: [getWeather, CalculatorTool()], systemPrompt: system), input(weather))
        case "agent_parallel_tools":
            return (Agent(model: model([
                .ai("Let me check.", toolCalls: [call("get_weather", "call_1", ["city": "Paris"]),
                                                 call("calculator", "call_2", ["expression": "2 + 3"])]),
                .ai("It is sunny in Paris, and 2 + 3 = 5."),
            ]), tools: [getWeather, CalculatorTool()], systemPrompt: system), input(both))
        case "agent_sequential_steps":
            return (Agent(model: model([
                .ai("First the weather.", toolCalls: [call("get_weather", "call_1", ["city": "Paris"])]),
                .ai("Now the sum.", toolCalls: [call("calculator", "call_2", ["expression": "2 + 3"])]),
                .ai("It is sunny in Paris, and 2 + 3 = 5."),
            ]), tools: [getWeather, CalculatorTool()], systemPrompt: system), input(both))
        case "agent_handled_tool_error":
            return (Agent(model: model([
                .ai("Let me look it up.", toolCalls: [call("get_stock_price", "call_1", ["symbol": "XYZ"])]),
                .ai("I could not find the stock XYZ."),
            ]), tools: [getStockPrice], systemPrompt: system), input("What is XYZ trading at?"))
        case "agent_unhandled_tool_error":
            return (Agent(model: model([
                .ai("Let me look.", toolCalls: [call("fetch_news", "call_1", ["topic": "cats"])]),
                .ai("never reached"),
            ]), tools: [fetchNews], systemPrompt: system), input("Any news about cats?"))
        case "agent_step_limit":
            return (Agent(model: model([
                .ai("Checking again.", toolCalls: [call("get_weather", "call_1", ["city": "Paris"])]),
            ]), tools: [getWeather], systemPrompt: system, recursionLimit: 5), input(weather))
        case "agent_named":
            return (Agent(model: model([
                .ai("Let me check.", toolCalls: [call("get_weather", "call_1", ["city": "Paris"])]),
                .ai("It is sunny in Paris."),
            ]), tools: [getWeather], systemPrompt: system, name: "weather_agent"), input(weather))
        case "agent_unknown_tool":
            return (Agent(model: model([
                .ai("Let me check.", toolCalls: [call("get_forecast", "call_1", ["city": "Paris"])]),
                .ai("I could not get a forecast."),
            ]), tools: [getWeather, CalculatorTool()], systemPrompt: system), input(weather))
        case "agent_tour":
            return (Agent(model: model([
                .ai("Let me check the weather and do the sum.", toolCalls: [
                    call("get_weather", "call_1", ["city": "Paris"]), call("calculator", "call_2", ["expression": "2 + 3"]),
                ]),
                .ai("Now the stock price.", toolCalls: [call("get_stock_price", "call_3", ["symbol": "XYZ"])]),
                .ai("It is sunny in Paris and 2 + 3 = 5, but I could not find the stock XYZ."),
            ]), tools: [getWeather, CalculatorTool(), getStockPrice], systemPrompt: system),
                    input("Weather in Paris, 2 + 3, and the price of XYZ?"))
        default:
            fatalError("no agent case \(name)")
        }
    }
}
