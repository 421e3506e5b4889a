import Foundation
import RunscopeCore
import RunscopeReplay
import Testing

/// Event-log times read as `EventLogFormat.timestamp` writes them (the proleptic Gregorian
/// calendar, as gmtime), so an entry read and written again keeps its time to the
/// microsecond. The fuzz target `event-log` found a year-1013 time read six days off.
@Suite struct EventLogTimeTests {
    static func line(time: String) -> Substring {
        Substring(#"{"v":1,"event":"on_llm_new_token","run_id":"01a21010-6a7b-72dd-a17b-ba09011e51b0","name":"m","run_type":"chat_model","tags":[],"time":"\#(time)","token":"x"}"#)
    }

    static func readTime(_ time: String) throws -> Date {
        var reader = EventLogReader(source: "times.jsonl")
        return try #require(try reader.read(line: line(time: time))).time
    }

    @Test(arguments: [
        "1582-10-10T12:00:00.000000Z", "1600-02-29T23:59:59.250000Z", "1969-12-31T23:59:59.500000Z",
        "1970-01-01T00:00:00.000000Z", "2000-02-29T06:30:00.000001Z", "2026-11-24T23:38:54.123456Z",
        "2100-03-01T00:00:00.000000Z", "9999-12-31T23:59:59.000000Z",
    ])
    func aTimeReadIsWrittenBackTheSame(time: String) throws {
        #expect(EventLogFormat.timestamp(try Self.readTime(time)) == time)
    }

    /// The fuzz target `event-log` (10⁶ runs) found "-022611-25T…" read as the year -22
    /// (a sign taken for a digit, the separators not checked), then written as a time that
    /// did not read back.
    @Test(arguments: ["-022611-25T00:17:21.476614Z", "+026-11-25T00:17:21.000000Z", "2026/11/25T00:17:21.000000Z", "2026-11-25X00:17:21.000000Z", "2026-11-25T00-17:21.000000Z"])
    func aTimeThatIsNotRFC3339IsNotReadAsOne(time: String) {
        var reader = EventLogReader(source: "times.jsonl")
        let entry = try? reader.read(line: Self.line(time: time))
        #expect(entry == nil)
    }

    @Test func aLowerCaseTOrASpaceBetweenDateAndTimeStillReads() throws {
        let reference = try Self.readTime("2026-11-25T00:17:21.500000Z")
        #expect(try Self.readTime("2026-11-25t00:17:21.500000Z") == reference)
        #expect(try Self.readTime("2026-11-25 00:17:21.500000Z") == reference)
    }

    @Test func aTimeCenturiesAwayKeepsItsDayAndSecondAndThenStaysPut() throws {
        // A Date is a Double of seconds from 2001: a thousand years away it holds about 4 µs,
        // so the microseconds may move once; the day must not (it moved six days before).
        let first = EventLogFormat.timestamp(try Self.readTime("1013-11-25T00:17:21.475942Z"))
        #expect(first.hasPrefix("1013-11-25T00:17:21.4759"))
        #expect(EventLogFormat.timestamp(try Self.readTime(first)) == first)
    }

    @Test func secondsAreCountedFrom1970AndOffsetsApplied() throws {
        #expect(try Self.readTime("1970-01-01T00:00:00Z").timeIntervalSince1970 == 0)
        #expect(try Self.readTime("2026-11-24T23:38:54Z").timeIntervalSince1970 == 1_795_563_534)
        #expect(try Self.readTime("2026-11-25T01:38:54+02:00").timeIntervalSince1970 == 1_795_563_534)
        #expect(try Self.readTime("2026-11-24T20:08:54-03:30").timeIntervalSince1970 == 1_795_563_534)
    }
}
