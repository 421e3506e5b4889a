import Foundation
import RunscopeCore
import Testing

/// `runscope-test-server` as a program: a conversation read from a file, served to the
/// `runscope` binary, and every request body written to `--record`.
@Suite(.serialized) struct TestServerBinaryTests {
    static var serverBinary: String {
        URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("runscope-test-server").path
    }

    static func temporary(_ name: String, _ text: String? = nil) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-ts-\(UUID())-\(name)").path
        if let text { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        return path
    }

    @Test func aConversationFileIsServedAndEveryRequestRecorded() async throws {
        let conversation = try Self.temporary("trip.json", """
            {"name": "trip", "turns": [{"content": "Checking.", "tool_calls": [{"name": "get_weather", "args": {"city": "Rome"}, "id": "c1"}]},
                                       {"content": "Rome is sunny."}]}
            """)
        let record = try Self.temporary("requests.jsonl")
        let chain = try Self.temporary("chain.json", """
            {"input": {"city": "Rome"}, "chain": [{"prompt": [["human", "Weather in {city}?"]]},
              {"model": "openai", "model_name": "gpt-conversation-trip", "streaming": true}]}
            """)
        defer { for path in [conversation, record, chain] { try? FileManager.default.removeItem(atPath: path) } }
        let server = try RunningCLI(
            ["--port", "0", "--delay-ms", "0", "--conversation", conversation, "--record", record], executable: Self.serverBinary)
        _ = try await server.waitForStdout { $0.hasSuffix("\n") }
        let port = try #require(Int(server.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "port: \(server.stdout) \(server.stderr)")
        let environment = ["OPENAI_BASE_URL": "http://127.0.0.1:\(port)/v1", "OPENAI_API_KEY": "sk-test"]
        let result = try await CLI.run([chain, "--mode", "invoke", "--events", "-"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let events = try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let end = try #require(events.first { $0["event"] == "on_llm_end" })
        #expect(end.compactJSON().contains(#""name":"get_weather""#), "\(end)")
        let lines = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        try #require(lines.count == 1)
        #expect(lines[0]["method"] == "POST" && lines[0]["path"] == "/v1/chat/completions")
        #expect(lines[0]["body"]?["model"] == "gpt-conversation-trip")
        #expect(lines[0]["body"]?["messages"] == [["role": "user", "content": "Weather in Rome?"]])
    }

    @Test func aBadConversationFileSaysWhere() async throws {
        let conversation = try Self.temporary("bad.json", #"{"name": "trip", "turns": [{"tool_calls": [{"args": {}}]}]}"#)
        defer { try? FileManager.default.removeItem(atPath: conversation) }
        let server = try RunningCLI(["--conversation", conversation], executable: Self.serverBinary)
        #expect(try await server.waitForExit() == 2)
        #expect(server.stderr.hasPrefix("\(conversation): $.turns[0].tool_calls[0].name: expected the tool's name\n"))
    }
}
