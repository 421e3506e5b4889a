import Foundation

/// Where and how one provider is called: the URL, the headers (with the key), the
/// limits, and what to say about the key in errors. Built by each model from its
/// configuration and environment.
struct ProviderEndpoint: Sendable {
    /// The provider's display name in messages: `OpenAI`, `Anthropic`, `Ollama`.
    var provider: String
    /// The full URL of the chat endpoint.
    var url: String
    /// Headers sent with every request (the key header is added when sending).
    var headers: [(String, String)]
    /// The API key, sent in `keyHeader` and scrubbed from anything shown.
    var secret: SecretValue?
    /// The header that carries the key (`authorization`, `x-api-key`) and the prefix of its value.
    var keyHeader: (name: String, prefix: String) = ("authorization", "Bearer ")
    /// Where the key came from (`OPENAI_API_KEY` or the `openai_api_key` setting), if any.
    var keySource: String?
    /// The environment variable users set for the key (`OPENAI_API_KEY`), for hints.
    var keyVariable: String?
    /// Seconds without a byte from the server (before the answer or between chunks) before giving up.
    var idleTimeout: Double
    /// Retries after the first attempt for retryable failures.
    var maxRetries: Int
    /// The model name sent, for messages.
    var model: String

    /// Every header to send, the key header included.
    var allHeaders: [(String, String)] {
        guard let secret else { return headers }
        return headers + [(keyHeader.name, keyHeader.prefix + secret.revealed)]
    }

    /// `text` with the API key removed.
    func scrub(_ text: String) -> String { secret?.scrub(text) ?? text }

    /// An error of this provider, its message scrubbed of the key.
    func error(_ kind: ProviderError.Kind, _ message: String, providerType: String? = nil) -> ProviderError {
        ProviderError(kind: kind, provider: provider, message: scrub(message), providerType: providerType)
    }

    /// What to tell the user about the key after a 401 or 403.
    var keyHint: String {
        guard let keySource else {
            return "no API key was sent: set \(keyVariable ?? "the API key variable") or the api key setting"
        }
        return "the API key came from \(keySource); check it"
    }

    /// A base URL without trailing slashes, `http://` added when it has no scheme.
    static func normalizedBase(_ base: String) -> String {
        var text = base.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        if !text.contains("://") { text = "http://" + text }
        return text
    }

    /// The key from the configuration or the environment, and where it came from.
    static func key(configured: String?, setting: String, variable: String, environment: [String: String])
        -> (SecretValue?, String?)
    {
        if let configured, !configured.isEmpty { return (SecretValue(configured), "the \(setting) setting") }
        if let value = environment[variable], !value.isEmpty { return (SecretValue(value), variable) }
        return (nil, nil)
    }
}
