import Foundation
import RunscopeCore
import RunscopeTestSupport
import Testing

/// The `runscope` command, end to end: output, exit status, errors, event log.
@Suite(.serialized) struct CLITests {
    /// Writes a chain file to a temporary path.
    static func temporaryChain(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-chain-\(UUID()).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: CLI.binary), "run `swift build` first: \(CLI.binary)")
    }

    @Test func runsTheFoundingExampleHeadless() async throws {
        let result = try await CLI.run(["examples/joke.json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Why don't bears wear shoes? Because they have bear feet!\n")
    }

    @Test func approveToolsWithoutTheTerminalUIIsRefused() async throws {
        // Headless (a pipe, or --no-tui) nobody could answer a waiting tool call.
        for extra in [["--no-tui"], []] {
            let result = try await CLI.run(["run", "examples/agent.json", "--approve-tools", "--no-history"] + extra)
            #expect(result.status == 2)
            #expect(result.stderr.contains("--approve-tools needs the terminal UI"), "\(result.stderr)")
            #expect(result.stdout.isEmpty, "the chain ran: \(result.stdout)")
        }
    }

    @Test func aToolThatAsksForApprovalIsRefusedHeadlessNamingIt() async throws {
        let text = try String(contentsOf: CLI.root.appendingPathComponent("examples/agent.json"), encoding: .utf8)
            .replacingOccurrences(of: #""returns": "It is sunny"#, with: #""approve": true, "returns": "It is sunny"#)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("approve-\(UUID()).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try await CLI.run(["run", path, "--no-history"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(path): the tool get_weather asks for approval"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func inputFlagsOverrideTheDefaultInput() async throws {
        let result = try await CLI.run(["run", "examples/json-output.json", "--mode", "invoke", "--no-tui", "--input", "animal=owls", "--console"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\"animal\": \"owls\""), "the console trace shows the input")
        #expect(try JSONParser.parse(result.stdout)["rating"] == 7)
    }

    @Test func aBadChainFileExitsWithStatus2AndOneLine() async throws {
        let result = try await CLI.run(["Tests/RunscopeLoaderTests/Fixtures/bad/wrong-kwarg-type.json"])
        #expect(result.status == 2)
        #expect(result.stderr == "Tests/RunscopeLoaderTests/Fixtures/bad/wrong-kwarg-type.json: $.kwargs.middle[0].kwargs.sleep: expected a number, got \"long\"\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func aMissingVariableIsNamedBeforeAnythingRuns() async throws {
        let path = try Self.temporaryChain(#"{"chain": [{"prompt": "Tell me about {animal}"}, {"model": "scripted", "responses": ["x"]}]}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try await CLI.run([path, "--input-json", #"{"animl": "cats"}"#, "--events", "-"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the input is missing 'animal'"))
        #expect(result.stdout.isEmpty, "no event: nothing ran")
    }

    @Test func aFailingChainExitsWithStatus1AndSaysWhere() async throws {
        let path = try Self.temporaryChain(
            #"{"input": "x", "chain": [{"prompt": "{q}"}, {"model": "scripted", "responses": ["a b"], "error": "boom", "error_after": 1, "token_delay": 0}]}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try await CLI.run([path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error (in chat_model 'GenericFakeChatModel'): ScriptedModelError: boom"))
    }

    @Test func validateSchemaVersionAndHelp() async throws {
        let valid = try await CLI.run(["validate", "examples/retrieval.json"])
        #expect(valid.status == 0 && valid.stderr.contains("ok (compact format"))
        let schema = try await CLI.run(["schema"])
        #expect(schema.stdout == (try String(contentsOf: CLI.root.appendingPathComponent("schema/chain.schema.json"), encoding: .utf8)))
        #expect(try await CLI.run(["--version"]).stdout == "0.1.0\n")
        let help = try await CLI.run(["--help"])
        #expect(help.stdout.contains("runscope examples/joke.json") && help.stdout.contains("Exit status"))
    }

    @Test func eventLogLinesHaveTheV1Fields() async throws {
        let result = try await CLI.run(["examples/tools.json", "--events", "-"])
        #expect(result.status == 0)
        let lines = try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(lines.count >= 8)
        for line in lines {
            #expect(line["v"] == 1)
            for key in ["event", "run_id", "name", "run_type", "tags", "time"] { #expect(line[key] != nil, "\(key) in \(line)") }
            #expect(line["time"]?.stringValue?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"#, options: .regularExpression) != nil)
        }
        let tool = try #require(lines.first { $0["event"] == "on_tool_start" })
        #expect(tool["name"] == "calculator" && tool["input"] == "{'expression': '(17 + 25) * 3'}")
        #expect(lines.contains { $0["event"] == "on_tool_end" && $0["output"]?["kwargs"]?["content"] == "126" })
    }

    /// `--events` of the reference chains: same tree, names, run types, tags and tokens as LangChain.
    @Test(arguments: [
        ("prompt_chat_parser.json", "stream", "prompt_chat_parser_stream"),
        ("prompt_chat_parser.json", "invoke", "prompt_chat_parser_invoke"),
        ("json_parser.json", "stream", "json_parser_stream"),
        ("fallbacks.json", "stream", "fallbacks_stream"),
    ])
    func eventLogMatchesLangChain(chain: String, mode: String, reference: String) async throws {
        let result = try await CLI.run(["Tests/RunscopeCLITests/Fixtures/chains/\(chain)", "--mode", mode, "--events", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let actual = Fixtures.eventLogShapes(lines)
        let expected = try Fixtures.langchainEvents("langchain/\(reference).events.jsonl")
        #expect(actual.count == expected.count)
        for (index, pair) in zip(actual, expected).enumerated() where pair.0 != pair.1 {
            Issue.record("event \(index + 1):\n  runscope:  \(pair.0)\n  langchain: \(pair.1)")
            break
        }
    }

    @Test func parallelEventLogMatchesLangChainPerRun() async throws {
        let result = try await CLI.run(["Tests/RunscopeCLITests/Fixtures/chains/parallel_two_branches.json", "--mode", "invoke", "--events", "-"])
        let lines = try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let expected = try Fixtures.langchainEvents("langchain/parallel_two_branches.events.jsonl")
        #expect(Fixtures.perRun(Fixtures.eventLogShapes(lines)) == Fixtures.perRun(expected))
    }
}
