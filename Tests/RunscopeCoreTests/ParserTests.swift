import RunscopeCore
import Testing

@Suite struct ParserTests {
    @Test func jsonParserAcceptsCodeFencesAndRejectsGarbage() async throws {
        let parser = JsonOutputParser()
        #expect(try await parser.invoke("```json\n{\"a\": [1, 2]}\n```") == ["a": [1, 2]])
        await #expect(throws: OutputParserError.self) { try await parser.invoke("not json") }
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
