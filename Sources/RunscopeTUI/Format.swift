import Foundation
import RunscopeCore

/// Number, duration and time formatting for the inspector, independent of the locale.
enum Format {
    /// A duration in a short column: "40ms", "12.3s", "2m05s", "1h02m" (`DurationText`).
    static func duration(_ seconds: Double) -> String {
        DurationText.format(seconds, decimals: 1, minutes: true)
    }

    /// A duration to the millisecond: "40ms", "1.234s" (`DurationText`).
    static func precise(_ seconds: Double) -> String {
        DurationText.format(seconds, decimals: 3)
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
