import RunscopeCore
import Testing

@Suite struct ParserTests {
    @Test func jsonParserAcceptsCodeFencesAndRejectsGarbage() async throws {
        let parser = JsonOutputParser()
        #expect(try await parser.invoke("```json\n{\"a\": [1, 2]}\n```") == ["a": [1, 2]])
        await #expect(throws: OutputParserError.self) { try await parser.invoke("not json") }
    }

    /// LangChain's `JsonOutputParser.parse` closes cut-off JSON too (`parse_json_markdown`
    /// uses `parse_partial_json`): each case's result is what langchain-core 1.8.3 returned.
    @Test func jsonParserParsesCutOffJSONAsLangChainDoes() throws {
        let cases: [(String, Value?)] = [
            ("{\"a\": 1, \"b\": [1, 2", ["a": 1, "b": [1, 2]]),
            ("```json\n{\"a\": \"x", ["a": "x"]),
            ("[1, 2", [1, 2]),
            ("{\"a\": tru", [:]),
            ("not json", nil),
            ("", nil),
        ]
        for (text, expected) in cases {
            if let expected {
                #expect(try JsonOutputParser.parse(text) == expected, "\(text)")
            } else {
                #expect(throws: OutputParserError.self, "\(text)") { try JsonOutputParser.parse(text) }
            }
        }
    }

    @Test func jsonParserStreamsGrowingObjects() async throws {
        let text = #"{"a": "hello", "b": [1, 2]}"#
        let chunks = ValueStream.of(text.map { .string(String($0)) })
        let outputs = try await JsonOutputParser().transform(chunks, config: RunConfig()).collect()
        #expect(outputs.first == [:])
        #expect(outputs.contains(["a": "he"]))
        #expect(outputs.last == ["a": "hello", "b": [1, 2]])
        #expect(zip(outputs, outputs.dropFirst()).allSatisfy { $0 != $1 }, "only changes are emitted")
    }

    @Test func listParserSplitsAndStreamsItemsAsTheyComplete() async throws {
        let parser = CommaSeparatedListOutputParser()
        #expect(try await parser.invoke("red, green ,blue") == ["red", "green", "blue"])
        let chunks = ValueStream.of(["re", "d, gr", "een, bl", "ue"].map(Value.string))
        let outputs = try await parser.transform(chunks, config: RunConfig()).collect()
        #expect(outputs == [["red"], ["green"], ["blue"]])
    }

    @Test func strParserTakesMessageContent() async throws {
        #expect(try await StrOutputParser().invoke(.message(.ai("hi"))) == "hi")
    }
}
