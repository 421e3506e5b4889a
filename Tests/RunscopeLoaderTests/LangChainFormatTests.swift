import Foundation
import RunscopeCore
import RunscopeLoader
import RunscopeProviders
import Testing

/// Loading what LangChain's `dumpd` wrote (Fixtures/serialized, from the reference).
@Suite struct LangChainFormatTests {
    static let values: Set<String> = ["Document", "messages_list", "plain_dict_with_lc_key"]

    /// The reference files LangChain itself could load back.
    static func roundTripping() throws -> [String] {
        try LoaderFixtures.files("serialized", suffix: ".roundtrip.txt").filter {
            (try? LoaderFixtures.text("serialized/\($0)").hasPrefix("OK")) == true
        }.map { $0.replacingOccurrences(of: ".roundtrip.txt", with: "") }
    }

    @Test func everyFileLangChainCanLoadLoadsHere() throws {
        let names = try Self.roundTripping()
        #expect(names.count >= 18)
        for name in names {
            let file = LoaderFixtures.path("serialized/\(name).json")
            do {
                if Self.values.contains(name) {
                    _ = try ChainFile.value(text: try String(contentsOfFile: file, encoding: .utf8), file: file)
                } else {
                    let chain = try ChainFile.load(path: file, environment: LoaderFixtures.environment)
                    #expect(chain.format == .langchain)
                    #expect(chain.warnings.isEmpty, "\(name): \(chain.warnings)")
                }
            } catch {
                Issue.record("\(name) does not load: \(error)")
            }
        }
    }

    @Test func valuesDecodeToMessagesAndDocuments() throws {
        let messages = try ChainFile.value(text: try LoaderFixtures.text("serialized/messages_list.json"), file: "m.json")
        #expect(messages.arrayValue?.compactMap(\.messageValue).map(\.role) == [.system, .human, .ai])
        let document = try ChainFile.value(text: try LoaderFixtures.text("serialized/Document.json"), file: "d.json")
        guard case .document(let doc) = document else { Issue.record("not a document"); return }
        #expect(doc.pageContent == "cats like boxes" && doc.metadata["source"] == "a.txt")
        let escaped = try ChainFile.value(text: try LoaderFixtures.text("serialized/plain_dict_with_lc_key.json"), file: "p.json")
        #expect(escaped == ["lc": 1, "user": "data"])
    }

    @Test func aLoadedSequenceRunsAsInLangChain() async throws {
        let chain = try ChainFile.load(path: LoaderFixtures.path("serialized/RunnableSequence_prompt_parser.json"))
        #expect(try await chain.runnable.invoke(["animal": "cats"]) == "Tell me a joke about cats")
        #expect(InputCheck.requiredVariables(chain.runnable) == ["animal"])
    }

    @Test func bindingConfigNamesAndTagsTheRun() async throws {
        let chain = try ChainFile.load(path: LoaderFixtures.path("serialized/RunnableBinding_with_config.json"))
        let tracer = Tracer()
        _ = try await chain.runnable.invoke(["animal": "cats"], config: RunConfig(callbacks: [tracer]))
        #expect(tracer.runs.first?.name == "named_chain" && tracer.runs.first?.tags == ["t1"])
    }

    @Test func providerModelsLoadWithTheirSettingsAndSecrets() throws {
        let openai = try ChainFile.load(path: LoaderFixtures.path("serialized/ChatOpenAI_explicit_key.json"), environment: LoaderFixtures.environment)
        let model = try #require(openai.runnable as? ChatOpenAI)
        #expect(model.configuration.model == "gpt-4o-mini" && model.configuration.temperature == 0.2 && model.configuration.streaming)
        #expect(model.serialized["kwargs"]?["openai_api_key"]?["type"] == "secret", "the key never appears")
        let retry = try ChainFile.load(path: LoaderFixtures.path("serialized/RunnableRetry.json"), environment: LoaderFixtures.environment)
        #expect((retry.runnable as? RunnableRetry)?.maxAttempts == 2, "LangChain cannot load it back; runscope reads builtins.Exception")
        let fallbacks = try ChainFile.load(path: LoaderFixtures.path("serialized/RunnableWithFallbacks.json"), environment: LoaderFixtures.environment)
        #expect((fallbacks.runnable as? RunnableWithFallbacks)?.fallbacks.first is ChatAnthropic)
        let ollama = try ChainFile.load(path: LoaderFixtures.path("serialized/ChatOllama.json"))
        #expect((ollama.runnable as? ChatOllama)?.configuration.model == "llama3.2", "read from its repr")
    }

    @Test func sensibleReadingsOfNotImplementedEntries() async throws {
        let list = try ChainFile.load(path: LoaderFixtures.path("serialized/FakeListChatModel.json"))
        #expect(list.runnable.name == "FakeListChatModel")
        #expect(try await list.runnable.invoke("x").messageValue?.content == "a")
        let json = try ChainFile.load(path: LoaderFixtures.path("serialized/JsonOutputParser.json"))
        #expect(try await json.runnable.invoke(#"{"a": 1}"#) == ["a": 1])
    }

    @Test(arguments: [
        ("RunnableLambda_def", "$", "cannot load RunnableLambda"),
        ("RunnableBranch", "$.kwargs.branches[0][0]", "cannot load RunnableLambda"),
        ("RunnableRetry_on_lambda", "$.kwargs.bound", "cannot load RunnableLambda"),
        ("tool_decorated", "$", "cannot load the tool langchain_core.tools.structured.StructuredTool"),
        ("BaseRetriever_subclass", "$", "cannot load __main__.SimpleRetriever"),
        ("GenericFakeChatModel", "$", "LangChain does not serialize its messages"),
        ("FakeListLLM", "$", "cannot load langchain_core.language_models.fake.FakeListLLM"),
    ])
    func notImplementedEntriesSayWhereAndWhy(name: String, location: String, words: String) {
        #expect(throws: LoadError.self) { try ChainFile.load(path: LoaderFixtures.path("serialized/\(name).json")) }
        do {
            _ = try ChainFile.load(path: LoaderFixtures.path("serialized/\(name).json"))
        } catch {
            #expect(error.location == location, "\(error)")
            #expect(error.message.contains(words), "\(error)")
            #expect(error.description.hasPrefix(LoaderFixtures.path("serialized/\(name).json") + ": "))
        }
    }

    @Test func builtinExceptionMeansEveryError() throws {
        let text = """
            {"lc": 1, "type": "constructor", "id": ["langchain", "schema", "runnable", "RunnableWithFallbacks"],
             "kwargs": {"runnable": {"lc": 1, "type": "constructor", "id": ["langchain", "schema", "output_parser", "StrOutputParser"], "kwargs": {}},
                        "fallbacks": [],
                        "exceptions_to_handle": [{"lc": 1, "type": "not_implemented", "id": ["builtins", "ValueError"], "repr": "<class 'ValueError'>"}]}}
            """
        let chain = try ChainFile.load(text: text, file: "f.json")
        let fallbacks = try #require(chain.runnable as? RunnableWithFallbacks)
        #expect(fallbacks.handles(RunError(type: "ValueError", message: "x")))
        #expect(!fallbacks.handles(RunError(type: "KeyError", message: "x")))
    }
}
