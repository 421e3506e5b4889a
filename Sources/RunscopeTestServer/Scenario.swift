/// What the test server does for one request: the answer (text or tool calls) and
/// the failure to inject, if any.
///
/// A scenario is chosen per request by the model name in the request body (for
/// example `fail-429-then-ok`), else by the server's default (`--scenario`). Names are
/// dash-separated words; unknown words are ignored, so any real model name
/// (`gpt-4o-mini`) gives the default answer. Words:
///
/// - `tool-call`: answer with one tool call (arguments split across chunks);
///   `two-tool-calls`: two calls. The tool name is the first tool in the request
///   (else `get_weather`), the arguments `{"city":"Paris","unit":"celsius"}`.
/// - `quirks`: OpenAI only: the quirks of compatible servers (first chunk
///   `content: null`, tool-call deltas without `index`, first tool delta without `id`,
///   usage chunk with `choices: null`, `data: [DONE]` without a blank line after it).
/// - `fail-<status>`: every request fails with that HTTP status and the provider's error
///   body (401, 403, 404, 429, 500, 503, 529, ...); `fail-<status>-then-ok`: only the first
///   request fails (per server and model name); `fail-<status>-x<N>-then-ok`: the first N.
/// - `retry-after-<S>`, `retry-after-ms-<MS>`, `retry-after-date`: the failure carries
///   `retry-after: S`, `retry-after-ms: MS`, or `retry-after: <HTTP date 1 s ahead>`.
/// - `error-event`: after 2 tokens, the provider's in-stream error (OpenAI
///   `data: {"error":...}`, Anthropic `event: error` overloaded_error, Ollama `{"error":...}`).
/// - `malformed`: after 2 tokens, a chunk that is not valid JSON.
/// - `truncate`: after 2 tokens, the response ends cleanly without terminator or finish reason.
/// - `disconnect`: after 2 tokens, the connection is closed abruptly.
/// - `stall`: after 2 tokens, nothing more is sent (the connection stays open).
/// - `slow-first-byte-<MS>`: wait MS milliseconds before the response head.
/// - `delay-<MS>`: MS milliseconds between chunks (instead of the server's default).
/// - `chunks-<N>`: stream N generated tokens (` t0`, ` t1`, ...) instead of the scripted text.
/// - `conversation-<name>`: answer with the turn of a `ScriptedConversation` that the
///   request has reached (turn N + 1 for a request holding N assistant messages).
public struct Scenario: Sendable, Equatable {
    /// What the answer is made of.
    public enum Answer: Sendable, Equatable {
        case text, toolCall, twoToolCalls
    }

    /// A failure injected in the stream, after `tokensBeforeFailure` tokens.
    public enum StreamFailure: Sendable, Equatable {
        case errorEvent, malformed, truncate, disconnect, stall
    }

    /// A `retry-after` header sent with an HTTP failure.
    public enum RetryAfter: Sendable, Equatable {
        case seconds(Int), milliseconds(Int), date
    }

    public var answer: Answer = .text
    public var quirks = false
    /// The HTTP status to fail with, if any.
    public var failStatus: Int?
    /// How many requests fail with `failStatus` before answering (`nil`: all of them).
    public var failuresBeforeOK: Int?
    public var retryAfter: RetryAfter?
    public var streamFailure: StreamFailure?
    /// How many tokens are sent before a stream failure.
    public var tokensBeforeFailure = 2
    /// Seconds before the response head.
    public var firstByteDelay = 0.0
    /// Seconds between chunks, overriding the server's default.
    public var tokenDelay: Double?
    /// Generated tokens to stream instead of the scripted text.
    public var generatedTokens: Int?
    /// The `ScriptedConversation` to answer from (its name, lowercased), if any.
    public var conversation: String?

    /// The default scenario: a plain text answer.
    public init() {}

    /// Reads a scenario from a model name or `--scenario` value (see the type's documentation).
    public init(name: String) {
        let words = name.lowercased().split(separator: "-").map(String.init)
        var index = 0
        func word(_ offset: Int) -> String? { index + offset < words.count ? words[index + offset] : nil }
        func number(_ offset: Int) -> Int? { word(offset).flatMap { Int($0) } }
        while index < words.count {
            index += apply(words[index], word: word, number: number)
        }
    }

    /// Applies the word at the current position; returns how many words it used.
    private mutating func apply(_ first: String, word: (Int) -> String?, number: (Int) -> Int?) -> Int {
        switch first {
        case "tool" where word(1) == "call" || word(1) == "calls": answer = .toolCall; return 2
        case "two" where word(1) == "tool": answer = .twoToolCalls; return 3
        case "quirks", "quirky": quirks = true
        case "fail" where number(1) != nil: failStatus = number(1); return 2
        case "then" where word(1) == "ok": failuresBeforeOK = failuresBeforeOK ?? 1; return 2
        case "retry" where word(1) == "after": return retryAfterWords(word: word, number: number)
        case "error" where word(1) == "event": streamFailure = .errorEvent; return 2
        case "malformed": streamFailure = .malformed
        case "truncate", "truncated": streamFailure = .truncate
        case "disconnect": streamFailure = .disconnect
        case "stall": streamFailure = .stall
        case "slow" where word(1) == "first" && word(2) == "byte" && number(3) != nil:
            firstByteDelay = Double(number(3)!) / 1000
            return 4
        case "delay" where number(1) != nil: tokenDelay = Double(number(1)!) / 1000; return 2
        case "chunks" where number(1) != nil: generatedTokens = number(1); return 2
        case "conversation" where word(1) != nil: conversation = word(1); return 2
        default:
            if first.hasPrefix("x"), let count = Int(first.dropFirst()) { failuresBeforeOK = count }
        }
        return 1
    }

    /// Reads `retry-after-<S>`, `retry-after-ms-<MS>` or `retry-after-date`.
    private mutating func retryAfterWords(word: (Int) -> String?, number: (Int) -> Int?) -> Int {
        if word(2) == "ms", let milliseconds = number(3) {
            retryAfter = .milliseconds(milliseconds)
            return 4
        }
        if word(2) == "date" {
            retryAfter = .date
            return 3
        }
        if let seconds = number(2) {
            retryAfter = .seconds(seconds)
            return 3
        }
        return 2
    }
}
