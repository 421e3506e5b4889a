import Testing
@testable import RunscopeCore
import RunscopeTestSupport

/// Partial JSON against what LangChain's `parse_partial_json` gave for the same text
/// (`Fixtures/partial-json/cases.jsonl`, written by `scripts/capture-partial-json.py`):
/// every prefix of a streamed tool call's arguments, and broken text.
@Suite struct PartialJSONParityTests {
    /// The recorded cases: the text and LangChain's value, `nil` where it gave none.
    static let cases: [(text: String, value: Value?)] = {
        let records = (try? Fixtures.jsonLines("partial-json/cases.jsonl")) ?? []
        return records.map { record in
            let value: Value? = record["value"].flatMap { if case .null = $0 { nil } else { $0 } }
            return (record["text"]!.stringValue!, value)
        }
    }()

    @Test func theFixtureHoldsTheCases() {
        #expect(Self.cases.count > 200, "the fixture was not read")
    }

    @Test func everyCaseGivesLangChainsValue() {
        var wrong: [String] = []
        for (text, expected) in Self.cases where PartialJSON.parse(text) != expected {
            wrong.append("\(text.debugDescription): got \(String(describing: PartialJSON.parse(text))), LangChain \(String(describing: expected))")
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test func aRawControlCharacterInAStringIsKeptAsLangChainKeepsIt() {
        #expect(PartialJSON.parse("{\"a\": \"x\ty\"}") == ["a": "x\ty"])
        #expect(PartialJSON.parse("{\"a\": \"x\u{0}y") == ["a": "x\u{0}y"])
    }

    @Test func aQuoteBeforeACombiningMarkStillOpensAString() {
        #expect(PartialJSON.parse("{\"k\": \"\u{301}") == ["k": "\u{301}"])
    }

    @Test func theStrictParserStillRefusesARawControlCharacter() {
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse("{\"a\": \"x\ty\"}") }
    }
}
