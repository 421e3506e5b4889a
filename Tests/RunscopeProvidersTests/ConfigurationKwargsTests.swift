import RunscopeCore
import RunscopeProviders
import Testing

@Suite("Configurations from LangChain kwargs")
struct ConfigurationKwargsTests {
    @Test func openAIKwargsFromADumpdEntryWithAliases() throws {
        let kwargs: ValueObject = [
            "model_name": "gpt-4o-mini", "temperature": 0.2, "max_completion_tokens": 100, "stop": "END",
            "openai_api_key": ["lc": 1, "type": "secret", "id": ["MY_KEY"]], "base_url": "http://h:1/v1",
            "timeout": 30, "max_retries": 5, "default_headers": ["X-A": "b"], "model_kwargs": ["seed": 1],
            "stream_usage": true, "streaming": true, "top_p": 0.9, "verbose": false,
        ]
        let configuration = try ChatOpenAI.Configuration(kwargs: kwargs, environment: ["MY_KEY": "sk-from-env"])
        #expect(configuration == ChatOpenAI.Configuration(
            model: "gpt-4o-mini", temperature: 0.2, maxTokens: 100, stop: ["END"], streaming: true,
            openaiApiKey: "sk-from-env", openaiApiBase: "http://h:1/v1", timeout: 30, maxRetries: 5,
            defaultHeaders: ["X-A": "b"], modelKwargs: ["top_p": 0.9, "seed": 1]))
    }

    @Test func anthropicAndOllamaKwargs() throws {
        let anthropic = try ChatAnthropic.Configuration(
            kwargs: ["model": "claude", "max_tokens": 4096, "stop_sequences": ["x"], "anthropic_api_url": "http://a",
                     "default_request_timeout": 9.5, "stream_usage": true],
            environment: [:])
        #expect(anthropic == ChatAnthropic.Configuration(
            model: "claude", maxTokens: 4096, stop: ["x"], anthropicApiUrl: "http://a", timeout: 9.5))
        let ollama = try ChatOllama.Configuration(
            kwargs: ["model": "llama3.2", "max_tokens": 64, "base_url": "http://o:1", "keep_alive": "5m"], environment: [:])
        #expect(ollama == ChatOllama.Configuration(
            model: "llama3.2", numPredict: 64, baseUrl: "http://o:1", modelKwargs: ["keep_alive": "5m"]))
    }

    @Test func wrongTypesNameTheKwarg() {
        #expect(throws: KwargsError(key: "temperature", problem: "expected a number, got \"hot\"")) {
            try ChatOpenAI.Configuration(kwargs: ["temperature": "hot"], environment: [:])
        }
        #expect(throws: KwargsError(key: "default_headers.X", problem: "expected a string, got 1")) {
            try ChatAnthropic.Configuration(kwargs: ["default_headers": ["X": 1]], environment: [:])
        }
    }
}
