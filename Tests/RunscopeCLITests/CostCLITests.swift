import Foundation
import RunscopeCore
import Testing

/// Costs from the command line: `runscope prices`, `--prices FILE`, and `--summary` pricing a
/// real OpenAI-format stream served by `runscope-test-server` on loopback.
@Suite(.serialized) struct CostCLITests {
    @Test func pricesListsEveryModelWithItsSourceAndDate() async throws {
        let result = try await CLI.run(["prices"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let mini = try #require(lines.first { $0.contains(" gpt-4o-mini ") })
        #expect(mini.contains("$0.15") && mini.contains("$0.075") && mini.contains("$0.60"))
        #expect(mini.contains("https://platform.openai.com/docs/pricing") && mini.contains("2025-08-07"))
        #expect(lines.contains { $0.hasPrefix("anthropic") && $0.contains("claude-sonnet-4-5") })
    }

    @Test func aPriceFileExtendsTheTableAndJSONReadsBack() async throws {
        let file = try TestServerBinaryTests.temporary("prices.json", """
            {"prices": [{"provider": "openai", "model": "gpt-4o-mini", "input": 0.1, "output": 0.2,
                         "source": "https://example.com/our-contract", "date": "2026-11-30"}]}
            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try await CLI.run(["prices", "--json", "--prices", file])
        #expect(result.status == 0, "\(result.stderr)")
        let table = try JSONParser.parse(result.stdout)
        let mini = try #require(table["prices"]?.arrayValue?.first { $0["model"] == "gpt-4o-mini" })
        #expect(mini["input"]?.doubleValue == 0.1 && mini["source"] == "https://example.com/our-contract")
        #expect((table["prices"]?.arrayValue?.count ?? 0) > 40, "the built-in entries stay")
    }

    @Test func aBadPriceFileNamesTheFileAndThePlace() async throws {
        let file = try TestServerBinaryTests.temporary("bad-prices.json", """
            {"prices": [{"provider": "openai", "model": "m", "input": "cheap", "output": 1, "source": "s", "date": "2026-01-01"}]}
            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        for arguments in [["prices", "--prices", file], ["examples/joke.json", "--no-tui", "--prices", file]] {
            let result = try await CLI.run(arguments)
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(file): $.prices[0].input: expected a price"), "\(result.stderr)")
            #expect(result.stdout.isEmpty, "nothing runs")
        }
    }

    @Test func theSummaryPricesAStreamedAnswerFromItsUsage() async throws {
        // The server reports 12 prompt tokens, 8 of them cached, and one output token per chunk (9).
        let server = try RunningCLI(["--port", "0", "--delay-ms", "0", "--cached-tokens", "8"], executable: TestServerBinaryTests.serverBinary)
        _ = try await server.waitForStdout { $0.hasSuffix("\n") }
        let port = try #require(Int(server.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "port: \(server.stdout) \(server.stderr)")
        let chain = try TestServerBinaryTests.temporary("priced.json", """
            {"input": {"topic": "owls"}, "chain": [{"prompt": "Tell me about {topic}"},
              {"model": "openai", "model_name": "gpt-4o-mini", "streaming": true, "stream_usage": true}]}
            """)
        defer { try? FileManager.default.removeItem(atPath: chain) }
        let environment = ["OPENAI_BASE_URL": "http://127.0.0.1:\(port)/v1", "OPENAI_API_KEY": "sk-test"]
        let result = try await CLI.run([chain, "--no-tui", "--summary"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        // gpt-4o-mini: 4 uncached × $0.15 + 8 cached × $0.075 + 9 out × $0.60 per million = $0.0000066.
        let model = try #require(result.stderr.split(separator: "\n").first { $0.contains("ChatOpenAI") }, "\(result.stderr)")
        #expect(model.contains("12/9") && model.hasSuffix("$0.000007"), "\(model)")
        let root = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("RunnableSequence") })
        #expect(root.contains("12/9") && root.hasSuffix("$0.000007"), "the root sums the runs below it: \(root)")
    }
}
