import RunscopeCore

/// Small helpers the three models share: JSON bodies, redacted headers, serialized kwargs.
enum ProviderSupport {
    /// The default idle timeout in seconds (no byte from the server for this long fails the call).
    static let defaultTimeout = 60.0
    /// The default number of retries after the first attempt.
    static let defaultMaxRetries = 2

    /// Header names whose values are secrets and never shown.
    static func isSensitiveHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "authorization" || lower.contains("api-key") || lower.contains("apikey")
            || lower.contains("token") || lower.contains("secret") || lower.contains("cookie")
    }

    /// Headers as a JSON object, secret values replaced by `**********`, keys sorted.
    static func redactedHeaders(_ headers: [String: String]) -> Value {
        .object(ValueObject(headers.keys.sorted().map { name in
            (name, .string(isSensitiveHeader(name) ? "**********" : headers[name]!))
        }))
    }

    /// Headers in a stable order, for requests.
    static func orderedHeaders(_ headers: [String: String]) -> [(String, String)] {
        headers.keys.sorted().map { ($0, headers[$0]!) }
    }

    /// LangChain's reference to a secret read from an environment variable.
    static func secretReference(_ variable: String) -> Value {
        ["lc": 1, "type": "secret", "id": [.string(variable)]]
    }

    /// LangChain's `dumpd` form of a constructor with these kwargs.
    static func constructor(_ id: [String], name: String, kwargs: ValueObject) -> Value {
        .object([
            "lc": 1, "type": "constructor", "id": .array(id.map(Value.string)), "kwargs": .object(kwargs),
            "name": .string(name),
        ])
    }

    /// The stop sequences of a call: bound ones first, else configured ones; `nil` when none.
    static func stop(_ options: ChatCallOptions, configured: [String]?) -> [String]? {
        let stop = options.stop ?? configured
        return stop?.isEmpty == false ? stop : nil
    }

    /// Bound call arguments that go into the request body as they are (not `stop` or `tools`).
    static func extraCallArguments(_ options: ChatCallOptions) -> ValueObject {
        ValueObject(options.kwargs.filter { $0.key != "stop" && $0.key != "tools" }.map { ($0.key, $0.value) })
    }

    /// The JSON text of a tool call's arguments.
    static func argumentsJSON(_ args: ValueObject) -> String { Value.object(args).compactJSON() }

    /// A request body as UTF-8 JSON bytes.
    static func bytes(_ body: ValueObject) -> [UInt8] { Array(Value.object(body).compactJSON().utf8) }
}
