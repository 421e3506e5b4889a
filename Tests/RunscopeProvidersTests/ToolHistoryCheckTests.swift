import RunscopeCore
@testable import RunscopeTestServer
import Testing

/// The histories the real OpenAI and Anthropic APIs refuse, refused by the test server too.
@Suite("Tool-call histories the APIs refuse")
struct ToolHistoryCheckTests {
    static let openAICall: Value = [
        "role": "assistant", "content": .null,
        "tool_calls": [["id": "a", "type": "function", "function": ["name": "t", "arguments": "{}"]],
                       ["id": "b", "type": "function", "function": ["name": "t", "arguments": "{}"]]],
    ]

    @Test func openAIWantsEveryCallAnsweredRightAfterIt() {
        let user: Value = ["role": "user", "content": "hi"]
        let answer = { (id: String) -> Value in ["role": "tool", "content": "ok", "tool_call_id": .string(id)] }
        #expect(ToolHistoryCheck.openAI([user, Self.openAICall, answer("b"), answer("a"), user]) == nil)
        #expect(ToolHistoryCheck.openAI([user, Self.openAICall, answer("a")])?.hasSuffix("response messages: b") == true)
        #expect(ToolHistoryCheck.openAI([user, Self.openAICall, answer("a"), user, answer("b")])?.contains("response messages: b") == true)
        #expect(ToolHistoryCheck.openAI([user, answer("a")])?.contains("must be a response to a preceeding message") == true)
        #expect(ToolHistoryCheck.openAI([user, Self.openAICall, answer("a"), answer("b"), answer("a")]) == nil)
    }

    @Test func anthropicWantsTheResultsInTheNextTurn() {
        let user: Value = ["role": "user", "content": "hi"]
        let uses: Value = ["role": "assistant", "content": [
            ["type": "text", "text": "Checking."], ["type": "tool_use", "id": "a", "name": "t", "input": [:]],
            ["type": "tool_use", "id": "b", "name": "t", "input": [:]],
        ]]
        let results = { (ids: [String]) -> Value in
            ["role": "user", "content": .array(ids.map { ["type": "tool_result", "tool_use_id": .string($0), "content": "ok"] })]
        }
        #expect(ToolHistoryCheck.anthropic([user, uses, results(["a", "b"])]) == nil)
        #expect(ToolHistoryCheck.anthropic([user, uses, results(["a"])])?.hasPrefix(
            "messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: b.") == true)
        #expect(ToolHistoryCheck.anthropic([user, uses, results(["a", "b", "c"])])?.hasPrefix(
            "messages.2.content.2: unexpected `tool_use_id` found in `tool_result` blocks: c.") == true)
        #expect(ToolHistoryCheck.anthropic([results(["a"])])?.contains("unexpected `tool_use_id`") == true)
    }
}
