import Foundation
import RunscopeCore

/// Event-log timestamps (`EventLogFormat.timestamp`'s text) made quickly for the many
/// events of one second: the text up to the second is kept while the second stays
/// the same, and only the microseconds are written per event. The writer's own.
struct TimestampText {
    private var second = time_t.min
    private var prefix = ""
    private static let zeros = ["", "0", "00", "000", "0000", "00000", "000000"]

    /// Appends the timestamp of `date` to `out`.
    mutating func append(_ date: Date, to out: inout String) {
        let seconds = date.timeIntervalSince1970
        var whole = time_t(seconds.rounded(.down))
        var micros = Int(((seconds - Double(whole)) * 1_000_000).rounded())
        if micros >= 1_000_000 { whole += 1; micros -= 1_000_000 }
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
