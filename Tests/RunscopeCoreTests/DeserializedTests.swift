import RunscopeCore
import Testing

/// `deserialized()` reads back what `serialized()` writes, and leaves plain values alone.
@Suite struct DeserializedTests {
    static let values: [Value] = [
        .message(.human("hi")),
        .message(Message(role: .ai, content: "Let me check.", id: "lc_run--1",
                         toolCalls: [ToolCall(name: "get_weather", args: ["city": "Paris"], id: "call_1")],
                         usage: UsageMetadata(inputTokens: 3, outputTokens: 4), responseMetadata: ["finish_reason": "tool_calls"])),
        .message(.tool("Unknown stock symbol: XYZ", toolCallId: "call_1", name: "get_stock_price", status: .error)),
        .promptValue(.chat([.system("Be brief."), .human("Tell me a joke")])),
        .promptValue(.string("a prompt")),
        .document(Document(pageContent: "Cats like boxes.", metadata: ["source": "c.md"], id: "d1")),
        ["messages": [.message(.human("a")), .message(.ai("b"))], "n": 1],
    ]

    @Test(arguments: values)
    func roundTrips(_ value: Value) {
        #expect(value.serialized().deserialized() == value)
    }

    @Test func plainValuesAndUnknownClassesStayAsTheyAre() {
        let plain: Value = ["a": [1, "two", ["lc_like": true]], "b": .null]
        #expect(plain.deserialized() == plain)
        let unknown: Value = ["lc": 1, "type": "constructor", "id": ["langgraph", "types", "Command"], "kwargs": ["update": [:]]]
        #expect(unknown.deserialized() == unknown)
        #expect(Value.object(["__lc_escaped__": ["lc": 1]]).deserialized() == ["lc": 1])
    }

    @Test func chunksAndContentBlocksAreRead() {
        let chunk: Value = ["lc": 1, "type": "constructor", "id": ["langchain_core", "messages", "AIMessageChunk"],
                            "kwargs": ["content": [["type": "text", "text": "Hel"], ["type": "text", "text": "lo"]]]]
        let message = chunk.deserialized().messageValue
        #expect(message?.content == "Hello" && message?.isChunk == true && message?.role == .ai)
    }
}
