import Foundation

/// When and how long to wait before retrying a failed request, as the official
/// OpenAI and Anthropic SDKs do: exponential backoff from 0.5 s up to 8 s with up
/// to 25 % jitter, unless the server says how long with `retry-after-ms` or
/// `retry-after` (seconds or an HTTP date), honoured when between 0 and 60 s.
enum RetryPolicy {
    /// The wait before the first retry, in seconds.
    static let initialDelay = 0.5
    /// The longest computed wait, in seconds.
    static let maxDelay = 8.0

    /// Whether a response with this status (and headers) may be retried:
    /// 408, 409, 429 and 5xx, unless `x-should-retry` says otherwise.
    static func isRetryable(status: Int, header: (String) -> String?) -> Bool {
        switch header("x-should-retry")?.lowercased() {
        case "true": return true
        case "false": return false
        default: return status == 408 || status == 409 || status == 429 || status >= 500
        }
    }

    /// The wait the server asked for, in seconds, from `retry-after-ms` or `retry-after`.
    static func retryAfter(header: (String) -> String?, now: Date = Date()) -> Double? {
        if let text = header("retry-after-ms"), let milliseconds = Double(text.trimmingCharacters(in: .whitespaces)) {
            return milliseconds / 1000
        }
        guard let text = header("retry-after")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text) { return seconds }
        return httpDate(text).map { $0.timeIntervalSince(now) }
    }

    /// The wait before retry number `retryIndex` (0 for the first retry).
    static func delay(retryIndex: Int, retryAfter: Double?, random: Double = Double.random(in: 0..<1)) -> Double {
        if let retryAfter, retryAfter > 0, retryAfter <= 60 { return retryAfter }
        let base = min(initialDelay * pow(2, Double(retryIndex)), maxDelay)
        return base * (1 - 0.25 * random)
    }

    /// Parses an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
