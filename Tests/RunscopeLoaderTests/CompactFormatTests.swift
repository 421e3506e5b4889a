import Foundation
import RunscopeCore
import RunscopeLoader
import Testing

/// The compact format, through the examples every user sees first.
@Suite struct CompactFormatTests {
    static let examples: [(String, Value?)] = [
        ("joke.json", "Why don't bears wear shoes? Because they have bear feet!"),
        ("retrieval.json", "Cats like boxes, sunny windows and long naps."),
        ("branch.json", "Cats purr when content, and also to soothe themselves."),
        ("fallbacks.json", "What do you call an owl magician? Hoo-dini."),
        ("retry.json", "If at first you don't succeed, try again after a short wait."),
        ("json-output.json", ["setup": "Why did the cat sit on the computer?", "punchline": "To keep an eye on the mouse.", "rating": 7]),
        ("cjk.json", "为什么猫喜欢坐在电脑上？因为它要盯着鼠标！"),
        ("langchain-format.json", "Why do cows wear bells? Because their horns don't work."),
        ("parallel.json", nil), ("tools.json", nil), ("agent.json", nil),
    ]

    @Test func everyExampleIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: LoaderFixtures.root.appendingPathComponent("examples").path)
        let providers = ["openai", "anthropic", "ollama"]
        let scripted = Set(files.filter { file in file.hasSuffix(".json") && !providers.contains { file.contains($0) } })
        #expect(scripted == Set(Self.examples.map(\.0)))
    }

    @Test(arguments: examples.map(\.0))
    func exampleLoadsAndRunsInBothModes(name: String) async throws {
        let chain = try ChainFile.load(path: LoaderFixtures.example(name))
        #expect(chain.warnings.isEmpty, "\(chain.warnings)")
        let input = chain.defaultInput ?? ["animal": "cows"]
        #expect(InputCheck.problem(chain.runnable, input: input) == nil)
        let tracer = Tracer()
        let invoked = try await chain.runnable.invoke(input, config: RunConfig(callbacks: [tracer]))
        let streamed = try await chain.runnable.streamValues(input, config: RunConfig()).reduce()
        if let expected = Self.examples.first(where: { $0.0 == name })?.1 {
            #expect(invoked == expected)
            #expect(streamed == expected)
        }
        #expect(tracer.runs.first?.status == .succeeded)
    }

    @Test func parallelExampleStreamsBothBranches() async throws {
        let chain = try ChainFile.load(path: LoaderFixtures.example("parallel.json"))
        let chunks = try await chain.runnable.streamValues(chain.defaultInput!, config: RunConfig()).collect()
        let keys = Set(chunks.compactMap { $0.objectValue?.keys.first })
        #expect(keys == ["joke", "poem"])
        let firstPoem = chunks.firstIndex { $0["poem"] != nil }!
        let lastJoke = chunks.lastIndex { $0["joke"] != nil }!
        #expect(firstPoem < lastJoke, "the branches interleave")
    }

    @Test func toolsExampleRunsTheCalculatorAsAToolRun() async throws {
        let chain = try ChainFile.load(path: LoaderFixtures.example("tools.json"))
        let tracer = Tracer()
        let output = try await chain.runnable.invoke(chain.defaultInput!, config: RunConfig(callbacks: [tracer]))
        #expect(output.messageValue?.content == "126")
        let runs = try #require(tracer.runs.first).flattened()
        #expect(runs.map(\.runType).contains(.tool))
        #expect(runs.first { $0.runType == .tool }?.name == "calculator")
    }

    @Test func commonKeysNameAndTagRuns() async throws {
        let text = #"{"chain": [{"prompt": "{x}", "name": "my prompt", "tags": ["p"]}, {"parser": "str", "metadata": {"k": 1}}]}"#
        let chain = try ChainFile.load(text: text, file: "c.json")
        let collector = Tracer()
        _ = try await chain.runnable.invoke(["x": "hi"], config: RunConfig(callbacks: [collector]))
        let children = try #require(collector.runs.first?.childRuns)
        #expect(children[0].name == "my prompt" && children[0].tags == ["seq:step:1", "p"])
        #expect(children[1].metadata["k"] == 1)
    }

    @Test func schemaFileMatchesTheEmbeddedSchema() throws {
        let file = try String(contentsOf: LoaderFixtures.root.appendingPathComponent("schema/chain.schema.json"), encoding: .utf8)
        #expect(file == ChainSchema.json)
        #expect((try? JSONParser.parse(file)) != nil)
    }

    @Test func testConditionsCompare() async throws {
        let text = #"{"chain": {"branch": [{"if": {"key": "q", "matches": "^\\d+$"}, "then": {"pick": "q"}}], "default": {"passthrough": true}}}"#
        let chain = try ChainFile.load(text: text, file: "t.json")
        #expect(try await chain.runnable.invoke(["q": "42"]) == "42")
        #expect(try await chain.runnable.invoke(["q": "hi"]) == ["q": "hi"])
    }
}
