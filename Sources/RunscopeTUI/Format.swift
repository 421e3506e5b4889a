import Foundation

/// Number, duration and time formatting for the inspector, independent of the locale.
enum Format {
    /// Seconds as "0.4s", "12.3s", "2m05s", "1h02m".
    static func duration(_ seconds: Double) -> String {
        let value = max(0, seconds)
        if value < 60 { return String(format: "%.1fs", (value * 10).rounded(.down) / 10) }
        let total = Int(value)
        if total < 3600 { return String(format: "%dm%02ds", total / 60, total % 60) }
        return String(format: "%dh%02dm", total / 3600, total % 3600 / 60)
    }

    /// Seconds with millisecond precision, "1.234s".
    static func precise(_ seconds: Double) -> String {
        String(format: "%.3fs", seconds)
    }

    /// An integer with thousands separators, "1,234,567".
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// A rate with one decimal, "12.5".
    static func rate(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// A wall-clock time in UTC, "2025-01-02 03:04:05.678Z" (stable across machines).
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withFullTime, .withFractionalSeconds, .withSpaceBetweenDateAndTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
