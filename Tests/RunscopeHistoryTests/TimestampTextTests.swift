import Foundation
import RunscopeCore
import Testing

@testable import RunscopeHistory

/// The writer's cached timestamps are exactly `EventLogFormat.timestamp`'s, across
/// seconds, at the rounding edge and before 1970.
@Suite struct TimestampTextTests {
    @Test func cachedTimestampsEqualTheEventLogFormat() {
        var timestamps = TimestampText()
        let base = 1_800_000_000.0
        let offsets = [0, 0.000001, 0.25, 0.9999994, 0.9999996, 1, 1.5, 59.999999, 60.0000004, 3600.123456, -0.5, -86_400.000001]
        for offset in offsets + offsets.reversed() {
            for start in [base, 0, -1_000_000_000] {
                let date = Date(timeIntervalSince1970: start + offset)
                var text = ""
                timestamps.append(date, to: &text)
                #expect(text == EventLogFormat.timestamp(date), "at \(start + offset)")
            }
        }
    }
}
