import RunscopeCore
import RunscopeTestServer
import Testing

@Suite("Scripted conversations of the test server")
struct ScriptedConversationTests {
    @Test func textIsCutIntoWordTokens() {
        #expect(ScriptedConversation.Turn("It is  sunny.").tokens == ["It", " is", " ", " sunny."])
        #expect(ScriptedConversation.Turn("").tokens.isEmpty)
        #expect(ScriptedConversation.weather.turns[1].text == "It is sunny in Paris, and 2 + 3 = 5.")
    }

    @Test func theTurnFollowsTheAssistantMessagesOfTheRequest() {
        let conversation = ScriptedConversation.steps
        #expect(conversation.turn(after: 0) == conversation.turns[0])
        #expect(conversation.turn(after: 2)?.text == "Paris is sunny and London is rainy.")
        #expect(conversation.turn(after: 3) == nil)
    }

    @Test func theJSONFormReadsLikeTheScriptedModel() throws {
        let json = try JSONParser.parse("""
            {"name": "trip", "turns": [
              {"content": "Checking.", "tool_calls": [{"name": "get_weather", "args": {"city": "Rome"}, "id": "c1"},
                                                      {"name": "clock"}]},
              {"content": ["Sun", "ny."]}]}
            """)
        let conversation = try ScriptedConversation(json: json)
        #expect(conversation.name == "trip")
        #expect(conversation.turns[0].tokens == ["Checking."])
        #expect(conversation.turns[0].toolCalls == [
            ToolCall(name: "get_weather", args: ["city": "Rome"], id: "c1"), ToolCall(name: "clock", args: [:], id: "call_1_2"),
        ])
        #expect(conversation.turns[1].tokens == ["Sun", "ny."])
    }

    @Test(arguments: [
        (#"[]"#, "$: expected an object"),
        (#"{"name": "a-b", "turns": [{}]}"#, "$.name: expected one word"),
        (#"{"name": "a", "turns": []}"#, "$.turns: expected a non-empty array of turns"),
        (#"{"name": "a", "turns": [{"content": 3}]}"#, "$.turns[0].content: expected a string or an array of strings"),
        (#"{"name": "a", "turns": [{"content": ["x", 1]}]}"#, "$.turns[0].content[1]: expected a string token"),
        (#"{"name": "a", "turns": [{}, {"tool_calls": [{"args": {}}]}]}"#, "$.turns[1].tool_calls[0].name: expected the tool's name"),
        (#"{"name": "a", "turns": [{"tool_calls": [{"name": "t", "args": [1]}]}]}"#, "$.turns[0].tool_calls[0].args: expected an object"),
        (#"{"name": "a", "turns": [{"tool_calls": {"name": "t"}}]}"#, "$.turns[0].tool_calls: expected an array"),
    ])
    func badJSONSaysWhere(json: String, message: String) throws {
        let value = try JSONParser.parse(json)
        let error = #expect(throws: ScriptedConversation.FormatError.self) { try ScriptedConversation(json: value) }
        #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
    }

    @Test func aModelNameSelectsAConversationBesideOtherWords() {
        let scenario = Scenario(name: "gpt-4o-conversation-weather-delay-50")
        #expect(scenario.conversation == "weather")
        #expect(scenario.tokenDelay == 0.05)
        #expect(Scenario(name: "gpt-4o").conversation == nil)
    }
}
