import Foundation
import RunscopeCore
import Testing

@Suite struct ValueTests {
    @Test func jsonPrintsLikePythonJsonDumpsIndent2() {
        let value: Value = ["number": "2", "list": [1, 2.5, true, nil], "empty": [:], "none": []]
        #expect(value.jsonString(indent: 2) == """
            {
              "number": "2",
              "list": [
                1,
                2.5,
                true,
                null
              ],
              "empty": {},
              "none": []
            }
            """)
        #expect(value.jsonString() == #"{"number": "2", "list": [1, 2.5, true, null], "empty": {}, "none": []}"#)
        #expect(value.compactJSON() == #"{"number":"2","list":[1,2.5,true,null],"empty":{},"none":[]}"#)
    }

    @Test func jsonEscapesOnlyWhatItMust() {
        #expect(Value.string("a\"b\\c\n\u{1}é你").jsonString() == #""a\"b\\c\n\u0001é你""#)
    }

    @Test func parserKeepsKeyOrderAndRoundTrips() throws {
        let text = #"{"z": 1, "a": [true, false, null, -2.5e3, "x\u00e9\ud83d\ude00"], "m": {}}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value["a"]?.arrayValue?[3] == .double(-2500))
        #expect(value["a"]?.arrayValue?[4] == "xé😀")
        #expect(try JSONParser.parse(value.jsonString()) == value)
    }

    @Test(arguments: [
        ("{\"a\": 1,\n  \"b\" 2}", 2, 7, "expected ':'"),
        ("", 1, 1, "empty"),
        ("[1, 2", 1, 6, "end of input"),
        ("{\"a\": tru}", 1, 7, "literal"),
        ("{\"a\": 1} x", 1, 10, "after the JSON value"),
    ])
    func parserErrorsGiveLineAndColumn(text: String, line: Int, column: Int, words: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed invalid JSON")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(words), "\(error)")
        }
    }

    @Test func parserRefusesDeepNestingWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse(deep) }
        #expect((try? JSONParser.parse(String(repeating: "[", count: 50) + String(repeating: "]", count: 50))) != nil)
    }

    @Test func messagesSerializeInLangChainForm() {
        let human = Value.message(.human("hi")).serialized()
        #expect(human["lc"] == 1 && human["type"] == "constructor")
        #expect(human["id"] == ["langchain_core", "messages", "HumanMessage"])
        #expect(human["kwargs"]?.objectValue?.keys == ["content", "additional_kwargs", "response_metadata"])
        let ai = Message(role: .ai, content: "", id: "x", toolCalls: [ToolCall(name: "calc", args: ["e": "1+1"], id: "c1")],
                         usage: UsageMetadata(inputTokens: 3, outputTokens: 4))
        let kwargs = Value.message(ai).serialized()["kwargs"]
        #expect(kwargs?["tool_calls"]?.arrayValue?.first?["name"] == "calc")
        #expect(kwargs?["usage_metadata"]?["total_tokens"] == 7)
        #expect(Value.promptValue(.chat([.system("s")])).serialized()["id"]?.arrayValue?.last == "ChatPromptValue")
    }

    @Test func chunksAddAsInLangChain() {
        #expect(Value.string("a").adding("b") == "ab")
        #expect(Value.message(.ai("a")).adding(.message(.ai("b")))?.messageValue?.content == "ab")
        #expect(Value.object(["a": 1]).adding(.object(["b": 2])) == nil, "plain objects do not add")
        var addable: ValueObject = ["k": "x"]
        addable.isAddable = true
        #expect(Value.object(addable).adding(["k": "y", "j": "z"]) == ["k": "xy", "j": "z"])
    }

    @Test func pythonReprMatchesToolInputStrings() {
        let value: Value = ["text": "it's", "n": 1, "ok": true, "none": nil]
        #expect(value.pythonRepr == #"{'text': "it's", 'n': 1, 'ok': True, 'none': None}"#)
    }

    @Test func objectsKeepOrderAndFindKeysSmallOrLarge() {
        // Small objects look keys up in order; past eight keys an index takes over.
        for size in [3, 8, 9, 40] {
            var object = ValueObject()
            for key in 0..<size { object["k\(key)"] = .int(key) }
            #expect(object.keys == (0..<size).map { "k\($0)" })
            #expect((0..<size).allSatisfy { object["k\($0)"] == .int($0) })
            object["k1"] = .string("one")
            object["k0"] = nil
            #expect(object.count == size - 1)
            #expect(object["k0"] == nil && object["k1"] == .string("one"))
            #expect(object["k\(size - 1)"] == .int(size - 1), "found after a removal moved the others")
            #expect(object.keys.first == "k1")
            object["k0"] = 0
            #expect(object.keys.last == "k0")
            let reversed = ValueObject(object.reversed().map { ($0.key, $0.value) })
            #expect(reversed == object, "equal whatever the order, as dicts")
            var changed = reversed
            changed["k1"] = 1
            #expect(changed != object)
        }
    }

    @Test func uuidv7IsVersion7AndTimeOrdered() {
        let ids = (0..<1000).map { _ in UUIDv7.make() }
        #expect(ids.allSatisfy { $0.uuidString.dropFirst(14).first == "7" })
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { "89AB".contains($0.uuidString.dropFirst(19).first!) }, "RFC 9562 variant")
        // The random part is drawn in blocks of 64 words: ids from different blocks differ in it.
        #expect(Set(ids.map { $0.uuidString.suffix(12) }).count == ids.count)
    }

    @Test func lowercasedStringIsTheLowercasedUUIDString() throws {
        let fixed = try #require(UUID(uuidString: "01A23F2F-9B71-70C0-AFFB-EC872D02DEC5"))
        #expect(fixed.lowercasedString == "01a23f2f-9b71-70c0-affb-ec872d02dec5")
        let ids = (0..<1000).map { _ in UUID() } + [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                                                   UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
        #expect(ids.allSatisfy { $0.lowercasedString == $0.uuidString.lowercased() })
    }
}
