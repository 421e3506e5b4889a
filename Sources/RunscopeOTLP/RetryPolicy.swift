import Foundation

/// When to try a batch again: which answers are worth a retry, how long to wait
/// (Retry-After when the server says, else exponential backoff).
public enum RetryPolicy {
    /// HTTP statuses OTLP says to retry (too many requests, bad gateway, unavailable, gateway timeout).
    public static func isRetryable(status: Int) -> Bool {
        [429, 502, 503, 504].contains(status)
    }

    /// The wait before try number `attempt + 1` (attempt counts from 1): Retry-After if
    /// given (at most `maxBackoff`), else `initial` doubled per try, at most `maxBackoff`.
    public static func delay(attempt: Int, retryAfter: TimeInterval?, initial: TimeInterval, maxBackoff: TimeInterval) -> TimeInterval {
        if let retryAfter { return min(max(0, retryAfter), maxBackoff) }
        let doubled = initial * pow(2, Double(max(0, attempt - 1)))
        return min(doubled, maxBackoff)
    }

    /// A Retry-After header's wait in seconds: delta-seconds (`120`) or an HTTP date.
    public static func retryAfter(_ header: String?, now: Date = Date()) -> TimeInterval? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
