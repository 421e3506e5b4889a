import Foundation
import RunscopeCore

/// One step of a scripted HTTP response.
enum ResponseStep: Sendable {
    case head(status: Int, headers: [(String, String)])
    case body([UInt8])
    case end
    /// Close the connection abruptly.
    case close
    /// Send nothing more (until the client leaves or the stall limit).
    case stall
    case wait(Double)
}

/// Turns a request and its scenario into the steps of the response.
struct ResponsePlanner: Sendable {
    let options: TestServerOptions

    /// The wire format for a request path, if it is a provider endpoint.
    static func wire(for path: String) -> (any WireFormat)? {
        let route = path.split(separator: "?").first.map(String.init) ?? path
        switch route {
        case "/v1/chat/completions", "/chat/completions": return OpenAIWire()
        case "/v1/messages": return AnthropicWire()
        case "/api/chat": return OllamaWire()
        default: return nil
        }
    }

    /// The scenario for a request: the default one, then the model name's words on top.
    func scenario(for request: RecordedRequest) -> Scenario {
        Scenario(name: options.defaultScenario + "-" + (request.model ?? ""))
    }

    /// The steps answering `request`, the `attempt`-th request with this model name.
    func plan(_ request: RecordedRequest, attempt: Int) -> [ResponseStep] {
        guard request.method == "POST", let wire = Self.wire(for: request.path) else {
            return json(status: 404, ["error": .string("no such endpoint: \(request.method) \(request.path)")])
        }
        let scenario = scenario(for: request)
        var steps: [ResponseStep] = scenario.firstByteDelay > 0 ? [.wait(scenario.firstByteDelay)] : []
        let model = request.model ?? "unknown"
        if let status = scenario.failStatus, attempt <= (scenario.failuresBeforeOK ?? Int.max) {
            let key = request.header("x-api-key") ?? request.header("authorization").map { String($0.dropFirst("Bearer ".count)) }
            let body = wire.errorBody(status: status, model: model, key: key)
            return steps + json(status: status, body, extra: retryHeaders(scenario.retryAfter))
        }
        if let problem = Self.problem(request, wire: wire) { return steps + badRequest(wire, model: model, problem) }
        let script: StreamScript
        switch conversationScript(request, scenario: scenario) {
        case nil: script = self.script(request, scenario: scenario, wire: wire)
        case .success(let turn)?: script = turn
        case .failure(let problem)?: return steps + badRequest(wire, model: model, problem.message)
        }
        steps.append(.head(status: 200, headers: [("content-type", wire.contentType), ("cache-control", "no-cache")]))
        steps += streamSteps(wire, script: script, scenario: scenario)
        return steps
    }

    private func script(_ request: RecordedRequest, scenario: Scenario, wire: any WireFormat) -> StreamScript {
        let tokens = scenario.generatedTokens.map { count in (0..<count).map { " t\($0)" } } ?? options.tokens
        let calls = StreamScript.calls(for: scenario.answer, toolNames: wire.toolNames(request.json))
        let includeUsage = request.json?["stream_options"]?["include_usage"]?.boolValue == true
        var script = StreamScript(
            model: request.model ?? "unknown", tokens: scenario.answer == .text ? tokens : [], calls: calls,
            inputTokens: options.inputTokens, quirks: scenario.quirks, includeUsage: includeUsage)
        script.cachedInputTokens = options.cachedInputTokens
        return script
    }

    /// The body steps: content parts paced by the delay, a failure injected if asked.
    private func streamSteps(_ wire: any WireFormat, script: StreamScript, scenario: Scenario) -> [ResponseStep] {
        let delay = scenario.tokenDelay ?? options.tokenDelay
        var steps: [ResponseStep] = []
        var sent = 0
        for part in wire.parts(script) {
            if part.isContent, let failure = scenario.streamFailure, sent == scenario.tokensBeforeFailure {
                return steps + failureSteps(failure, wire: wire, delay: delay)
            }
            if part.isContent {
                if delay > 0 { steps.append(.wait(delay)) }
                sent += 1
            } else if let failure = scenario.streamFailure, sent == scenario.tokensBeforeFailure, sent > 0 {
                return steps + failureSteps(failure, wire: wire, delay: delay)
            }
            steps.append(.body(part.bytes))
        }
        return steps + [.end]
    }

    private func failureSteps(_ failure: Scenario.StreamFailure, wire: any WireFormat, delay: Double) -> [ResponseStep] {
        let pause: [ResponseStep] = delay > 0 ? [.wait(delay)] : []
        switch failure {
        case .errorEvent: return pause + [.body(wire.errorEvent().bytes), .end]
        case .malformed: return pause + [.body(wire.malformed().bytes), .end]
        case .truncate: return pause + [.end]
        case .disconnect: return pause + [.close]
        case .stall: return [.stall]
        }
    }

    private func retryHeaders(_ retryAfter: Scenario.RetryAfter?) -> [(String, String)] {
        switch retryAfter {
        case .seconds(let seconds): return [("retry-after", String(seconds))]
        case .milliseconds(let milliseconds): return [("retry-after-ms", String(milliseconds))]
        case .date:
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            return [("retry-after", formatter.string(from: Date().addingTimeInterval(1.5)))]
        case nil: return []
        }
    }

    func json(status: Int, _ body: Value, extra: [(String, String)] = []) -> [ResponseStep] {
        let bytes = Array(body.compactJSON().utf8)
        let headers = [("content-type", "application/json"), ("content-length", String(bytes.count))] + extra
        return [.head(status: status, headers: headers), .body(bytes), .end]
    }

    /// Why the request is refused with an HTTP 400: it does not stream, or the API would
    /// refuse its history (tool calls without results).
    static func problem(_ request: RecordedRequest, wire: any WireFormat) -> String? {
        guard request.json?["stream"]?.boolValue == true else { return "runscope-test-server only streams: send \"stream\": true" }
        return wire.historyProblem(request.json)
    }

    /// An HTTP 400 in the provider's format with `message`.
    func badRequest(_ wire: any WireFormat, model: String, _ message: String) -> [ResponseStep] {
        json(status: 400, replaceMessage(wire.errorBody(status: 400, model: model, key: nil), message))
    }

    func replaceMessage(_ body: Value, _ message: String) -> Value {
        guard var object = body.objectValue else { return body }
        if var error = object["error"]?.objectValue {
            error["message"] = .string(message)
            object["error"] = .object(error)
        } else {
            object["error"] = .string(message)
        }
        return .object(object)
    }
}
