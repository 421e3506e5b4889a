import Foundation
import RunscopeCore

/// Event-log timestamps (`EventLogFormat.timestamp`'s text) made quickly for the many
/// events of one second: the text up to the second is kept while the second stays
/// the same, and only the microseconds are written per event. The writer's own.
struct TimestampText {
    private var second = time_t.min
    private var prefix = ""
    private static let zeros = ["", "0", "00", "000", "0000", "00000", "000000"]

    /// The microseconds since 1970 that the timestamp of `date` shows.
    static func micros(_ date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970
        let whole = Int64(seconds.rounded(.down))
        return whole * 1_000_000 + Int64(((seconds - Double(whole)) * 1_000_000).rounded())
    }

    /// Appends the timestamp of `date` to `out`.
    mutating func append(_ date: Date, to out: inout String) {
        append(micros: Self.micros(date), to: &out)
    }

    /// Appends the timestamp of `micros` (microseconds since 1970) to `out`.
    mutating func append(micros total: Int64, to out: inout String) {
        let whole = time_t(total.floorDivided(by: 1_000_000))
        let micros = Int(total - Int64(whole) * 1_000_000)
        if whole != second {
            second = whole
            // The whole second's own text ends in ".000000Z": keep what comes before the digits.
            prefix = String(EventLogFormat.timestamp(Date(timeIntervalSince1970: Double(whole))).dropLast(7))
        }
        let digits = String(micros)
        out += prefix
        out += Self.zeros[max(0, 6 - digits.utf8.count)]
        out += digits
        out += "Z"
    }
}

extension Int64 {
    /// The quotient rounded down (towards minus infinity, as a time before 1970 needs).
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
