import RunscopeCore
import Testing

@Suite struct PromptTests {
    @Test func fStringFillsVariablesAndKeepsEscapedBraces() throws {
        let prompt = try PromptTemplate("{{literal}} {name} likes {thing}!")
        #expect(prompt.inputVariables == ["name", "thing"])
        #expect(try prompt.format(["name": "Ann", "thing": "tea"]) == "{literal} Ann likes tea!")
    }

    @Test func aMissingVariableIsNamed() async throws {
        let prompt = try ChatPromptTemplate.fromTemplate("Tell me about {animal} in {place}")
        await #expect { try await prompt.invoke(["animal": "cats"]) } throws: { error in
            "\(error)".contains("'place'") && "\(error)".contains("missing")
        }
    }

    @Test(arguments: ["Hello {name", "Hello name}", "{}", "{x:>10}"])
    func malformedTemplatesAreRejected(template: String) {
        #expect(throws: TemplateError.self) { try PromptTemplate(template) }
    }

    @Test func unbalancedBraceErrorSaysWhere() {
        #expect { try PromptTemplate("ab}cd") } throws: { "\($0)".contains("column 3") }
    }

    @Test func mustacheSupportsSectionsAndDottedNames() throws {
        let prompt = try PromptTemplate(
            "Hi {{user.name}}!{{#items}} [{{.}}]{{/items}}{{^none}} none{{/none}}{{! comment }}", format: .mustache)
        #expect(prompt.inputVariables == ["user", "items", "none"])
        let text = try prompt.format(["user": ["name": "Bo"], "items": ["a", "b"], "none": []])
        #expect(text == "Hi Bo! [a] [b] none")
        #expect(throws: TemplateError.self) { try PromptTemplate("{{#a}}x", format: .mustache) }
    }

    @Test func aSingleVariablePromptTakesAPlainInput() throws {
        let prompt = try PromptTemplate("Echo: {text}")
        #expect(try prompt.format("hello") == "Echo: hello")
    }

    @Test func chatPromptFillsRolesAndPlaceholders() async throws {
        let prompt = try ChatPromptTemplate.fromMessages([
            ("system", "You are {bot}."), ("placeholder", "{history}"), ("human", "{question}"),
        ])
        #expect(prompt.inputVariables == ["bot", "question"])
        let output = try await prompt.invoke([
            "bot": "Ada", "question": "Why?", "history": [["human", "Hi"], ["ai", "Hello"]],
        ])
        guard case .promptValue(.chat(let messages)) = output else { Issue.record("not a chat prompt value"); return }
        #expect(messages.map(\.role) == [.system, .human, .ai, .human])
        #expect(messages.map(\.content) == ["You are Ada.", "Hi", "Hello", "Why?"])
        #expect(PromptValue.chat(messages).toString() == "System: You are Ada.\nHuman: Hi\nAI: Hello\nHuman: Why?")
    }

    @Test func chatPromptSerializesAsLangChain() throws {
        let prompt = try ChatPromptTemplate.fromMessages([("system", "S {a}"), ("human", "{b}")])
        let serialized = prompt.serialized
        #expect(serialized["id"] == ["langchain", "prompts", "chat", "ChatPromptTemplate"])
        #expect(serialized["kwargs"]?["input_variables"] == ["a", "b"])
        let first = serialized["kwargs"]?["messages"]?.arrayValue?.first
        #expect(first?["id"]?.arrayValue?.last == "SystemMessagePromptTemplate")
        #expect(first?["kwargs"]?["prompt"]?["kwargs"]?["template"] == "S {a}")
    }
}
