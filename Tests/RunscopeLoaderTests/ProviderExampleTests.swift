import Foundation
import RunscopeCore
import RunscopeLoader
import RunscopeProviders
import RunscopeTestServer
import Testing

/// The provider examples, run against the loopback server that speaks each wire format.
@Suite struct ProviderExampleTests {
    static func environment(_ server: TestServer) -> [String: String] {
        [
            "OPENAI_API_KEY": "sk-test-not-a-key", "ANTHROPIC_API_KEY": "sk-ant-test-not-a-key",
            "OPENAI_BASE_URL": server.baseURL + "/v1", "ANTHROPIC_BASE_URL": server.baseURL, "OLLAMA_HOST": server.baseURL,
        ]
    }

    @Test(arguments: ["openai.json", "anthropic.json", "ollama.json"])
    func providerExampleStreamsFromTheServer(example: String) async throws {
        try await TestServer.with { server in
            let chain = try ChainFile.load(path: LoaderFixtures.example(example), environment: Self.environment(server))
            #expect(chain.warnings.isEmpty, "\(chain.warnings)")
            let tracer = Tracer()
            let output = try await chain.runnable.invoke(chain.defaultInput!, config: RunConfig(callbacks: [tracer]))
            #expect(output == .string(TestServerOptions.defaultTokens.joined()))
            let model = try #require(tracer.runs.first?.childRuns.first { $0.runType == .chatModel })
            #expect(model.tokens.map(\.text) == TestServerOptions.defaultTokens, "streamed token by token")
            #expect(server.requests.count == 1)
            let request = try #require(server.requests.first)
            #expect(request.json?["stream"] == true)
            #expect(request.bodyText.contains("otters"))
        }
    }

    @Test func compactKeysReachTheRequest() async throws {
        try await TestServer.with { server in
            let text = """
                {"chain": {"model": "openai", "model_name": "m1", "temperature": 0.25, "max_tokens": 7, "stop": ["\\n"],
                           "headers": {"X-Test": "yes"}, "model_kwargs": {"seed": 4}}}
                """
            let chain = try ChainFile.load(text: text, file: "c.json", environment: Self.environment(server))
            _ = try await chain.runnable.invoke("hi")
            let json = try #require(server.requests.first?.json)
            #expect(json["model"] == "m1" && json["temperature"] == 0.25 && json["max_tokens"] == 7 && json["seed"] == 4)
            #expect(json["stop"] == ["\n"])
            #expect(server.requests.first?.headers.contains { $0.name.lowercased() == "x-test" && $0.value == "yes" } == true)
        }
    }

    @Test func aMissingKeyVariableIsALoadError() {
        let text = #"{"chain": {"model": "anthropic", "api_key_env": "MY_ANTHROPIC_KEY"}}"#
        #expect { try ChainFile.load(text: text, file: "c.json", environment: [:]) } throws: {
            "\($0)" == "c.json: $.chain.api_key_env: the secret MY_ANTHROPIC_KEY is not set: export MY_ANTHROPIC_KEY=... in the environment"
        }
    }
}
