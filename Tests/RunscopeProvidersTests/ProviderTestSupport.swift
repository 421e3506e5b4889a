import Foundation
import RunscopeCore
import RunscopeProviders
import RunscopeTestServer

/// Records every event of a run with the time it arrived.
final class TimedRecorder: RunEventHandler {
    struct Record: Sendable {
        var event: RunEvent
        var time: ContinuousClock.Instant
    }

    private let records = Locked<[Record]>([])

    func handle(_ event: RunEvent, run: RunInfo) throws {
        let now = ContinuousClock.now
        records.withLock { $0.append(Record(event: event, time: now)) }
    }

    var all: [Record] { records.withLock { $0 } }
    var names: [String] { all.map(\.event.name) }

    /// The token events, with their arrival times.
    var tokens: [(text: String, chunk: Message?, time: ContinuousClock.Instant)] {
        all.compactMap { record in
            guard case .newToken(let text, let chunk) = record.event else { return nil }
            return (text, chunk?.message, record.time)
        }
    }

    /// The retry events.
    var retries: [RetryState] {
        all.compactMap { record in
            if case .retry(let state) = record.event { return state }
            return nil
        }
    }

    /// The error of the `on_llm_error` event, if any.
    var llmError: RunError? {
        all.lazy.compactMap { record -> RunError? in
            if case .llmError(let error, _) = record.event { return error }
            return nil
        }.first
    }

    /// Everything recorded, as text (to search for secrets).
    var dump: String {
        all.map { String(reflecting: $0.event) }.joined(separator: "\n")
    }
}

/// Models pointed at a test server, with fake keys and short limits (the timeout, 30 s unless a
/// test sets its own, is room for a loaded machine: at 5 s a CI run with every suite at once once timed out).
enum Models {
    static let openAIKey = "sk-test-openai-0123456789"
    static let anthropicKey = "sk-ant-test-0123456789"

    static func openAI(
        _ server: TestServer, model: String = "gpt-test", timeout: Double = 30, maxRetries: Int = 0,
        configure: (inout ChatOpenAI.Configuration) -> Void = { _ in }
    ) -> ChatOpenAI {
        var configuration = ChatOpenAI.Configuration(
            model: model, streaming: true, openaiApiBase: server.baseURL + "/v1", timeout: timeout, maxRetries: maxRetries)
        configure(&configuration)
        return ChatOpenAI(configuration: configuration, environment: ["OPENAI_API_KEY": openAIKey])
    }

    static func anthropic(
        _ server: TestServer, model: String = "claude-test", timeout: Double = 30, maxRetries: Int = 0,
        configure: (inout ChatAnthropic.Configuration) -> Void = { _ in }
    ) -> ChatAnthropic {
        var configuration = ChatAnthropic.Configuration(
            model: model, streaming: true, anthropicApiUrl: server.baseURL, timeout: timeout, maxRetries: maxRetries)
        configure(&configuration)
        return ChatAnthropic(configuration: configuration, environment: ["ANTHROPIC_API_KEY": anthropicKey])
    }

    static func ollama(
        _ server: TestServer, model: String = "llama-test", timeout: Double = 30, maxRetries: Int = 0,
        configure: (inout ChatOllama.Configuration) -> Void = { _ in }
    ) -> ChatOllama {
        var configuration = ChatOllama.Configuration(
            model: model, streaming: true, baseUrl: server.baseURL, timeout: timeout, maxRetries: maxRetries)
        configure(&configuration)
        return ChatOllama(configuration: configuration, environment: [:])
    }

    /// Every provider's model for `model` on `server`, by provider name.
    static func all(_ server: TestServer, model: String, timeout: Double = 30, maxRetries: Int = 0) -> [(String, any ChatModel)] {
        [
            ("openai", openAI(server, model: model, timeout: timeout, maxRetries: maxRetries)),
            ("anthropic", anthropic(server, model: model, timeout: timeout, maxRetries: maxRetries)),
            ("ollama", ollama(server, model: model, timeout: timeout, maxRetries: maxRetries)),
        ]
    }
}

/// The outcome of running a model once with a recorder.
struct RunOutcome {
    var message: Message?
    var error: (any Error)?
    var recorder: TimedRecorder

    /// The error as a `ProviderError`, if it is one.
    var providerError: ProviderError? { error as? ProviderError }
}

/// Invokes `model` on "hi" with a recorder; never throws.
func runModel(_ model: any ChatModel, input: Value = "hi", kwargs: ValueObject = [:]) async -> RunOutcome {
    let recorder = TimedRecorder()
    var config = RunConfig(callbacks: [recorder])
    config.callKwargs = kwargs
    do {
        let value = try await model.invoke(input, config: config)
        return RunOutcome(message: value.messageValue, error: nil, recorder: recorder)
    } catch {
        return RunOutcome(message: nil, error: error, recorder: recorder)
    }
}

/// Seconds between two instants.
func seconds(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
    let parts = (to - from).components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}
