import Foundation
import RunscopeCore

/// Reads event-log lines (format v1) back into events. Corrupt or truncated lines,
/// and duplicated starts and ends, are skipped and counted; unknown fields are
/// ignored; events of runs whose start is missing get a run made from their own
/// fields. A line of another format version is an error.
public struct EventLogReader: Sendable {
    /// Where the log comes from, for messages.
    public let source: String
    /// Lines that could not be read (corrupt, truncated, not an event).
    public private(set) var skipped = 0
    /// Starts and ends seen twice for the same run.
    public private(set) var duplicates = 0
    /// Lines read so far.
    public private(set) var lineNumber = 0
    private var runs: [UUID: RunInfo] = [:]
    private var ended: Set<UUID> = []

    /// A reader for the log named `source`.
    public init(source: String) { self.source = source }

    /// The entry of one line, or `nil` if the line is skipped.
    public mutating func read(line text: Substring) throws(EventLogError) -> EventLogEntry? {
        lineNumber += 1
        guard !text.allSatisfy(\.isWhitespace) else { return nil }
        guard let line = try? JSONParser.parse(String(text)), line.objectValue != nil else { return skip() }
        guard let version = line["v"]?.intValue else { return skip() }
        guard version == EventLogFormat.version else {
            throw EventLogError(message: "\(source): line \(lineNumber): event log version \(version) is not supported (this runscope reads version \(EventLogFormat.version))")
        }
        guard let name = line["event"]?.stringValue, let id = line["run_id"]?.stringValue.flatMap(UUID.init(uuidString:)),
              let time = line["time"]?.stringValue.flatMap(Self.date), let event = EventLogDecoder.event(name, line)
        else { return skip() }
        if isDuplicate(event, id) {
            duplicates += 1
            return nil
        }
        return EventLogEntry(event: event, run: run(for: id, line, isStart: event.isStart), time: time)
    }

    private mutating func skip() -> EventLogEntry? {
        skipped += 1
        return nil
    }

    private mutating func isDuplicate(_ event: RunEvent, _ id: UUID) -> Bool {
        if event.isStart { return runs[id] != nil }
        if event.isEnd { return !ended.insert(id).inserted }
        return false
    }

    /// The run of a line: made from a start line, else remembered, else made from this line.
    private mutating func run(for id: UUID, _ line: Value, isStart: Bool) -> RunInfo {
        if !isStart, let known = runs[id] { return known }
        let info = RunInfo(
            runId: id, parentRunId: line["parent_run_id"]?.stringValue.flatMap(UUID.init(uuidString:)),
            name: line["name"]?.stringValue ?? "Unnamed",
            runType: line["run_type"]?.stringValue.flatMap(RunType.init(rawValue:)) ?? .chain,
            tags: line["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            metadata: line["metadata"]?.objectValue ?? [:])
        if runs[id] == nil, line["event"]?.stringValue != "on_custom_event" { runs[id] = info }
        return info
    }

    /// Parses `2026-11-24T23:38:54.123456Z` (fractions of any length; `Z` or an offset).
    static func date(_ text: String) -> Date? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 20 else { return nil }
        // Digits only (Int() would take a sign: "-022611-25T…" once read as the year -22),
        // between the separators RFC 3339 puts there.
        func number(_ range: Range<Int>) -> Int? {
            guard utf8[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int(String(decoding: utf8[range], as: UTF8.self))
        }
        let separators: [(Int, [UInt8])] = [(4, [45]), (7, [45]), (10, [84, 116, 32]), (13, [58]), (16, [58])]
        guard separators.allSatisfy({ $0.1.contains(utf8[$0.0]) }) else { return nil }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19) else { return nil }
        var index = 19
        var fraction = 0.0
        if utf8[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            while index < utf8.count, utf8[index] >= 48, utf8[index] <= 57 {
                fraction += Double(utf8[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        let days = Self.days(year: year, month: month, day: day)
        let whole = Double(days * 86_400 + hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: whole + fraction - Self.offset(utf8[index...]))
    }

    /// Days from 1970-01-01 to the date in the proleptic Gregorian calendar, as
    /// `EventLogFormat.timestamp` (gmtime) writes dates. (Foundation's Gregorian calendar
    /// switches to the Julian one before 1582, so a year-1013 time read back six days off.)
    /// Howard Hinnant's `days_from_civil`; a day past the month's end runs into the next.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func offset(_ rest: ArraySlice<UInt8>) -> TimeInterval {
        guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), rest.count >= 6 else { return 0 }
        let text = String(decoding: rest, as: UTF8.self)
        let hours = Int(text.dropFirst().prefix(2)) ?? 0
        let minutes = Int(text.dropFirst(4).prefix(2)) ?? 0
        return Double(sign == UInt8(ascii: "+") ? 1 : -1) * Double(hours * 3600 + minutes * 60)
    }
}
