import Foundation
import RunscopeCore

/// The event-log line of `on_llm_new_token`, made fast: everything before `"time"` is the
/// same for every token of a run, so it is taken once from `EventLogFormat`'s own line.
public enum TokenLine {
    /// The part of `line` (a token line made by `EventLogFormat`) before its time, if the
    /// line ends as `make` would end it.
    public static func prefix(of line: String, time: Date, token: String) -> String? {
        let tail = "\"time\":\"\(EventLogFormat.timestamp(time))\",\"token\":\(Value.string(token).compactJSON())}"
        guard line.hasSuffix(tail) else { return nil }
        return String(line.dropLast(tail.count))
    }

    /// The line for `token` at `time` after a run's `prefix`.
    public static func make(prefix: String, time: Date, token: String) -> String {
        var line = ""
        var timestamps = TimestampText()
        append(prefix: prefix, time: time, token: token, to: &line, timestamps: &timestamps)
        return line
    }

    /// Appends the line for `token` at `time` after `prefix` to `out`.
    static func append(prefix: String, time: Date, token: String, to out: inout String, timestamps: inout TimestampText) {
        append(prefix: prefix, micros: TimestampText.micros(time), token: token, to: &out, timestamps: &timestamps)
    }

    /// Appends the line for `token` at `micros` (since 1970, as its timestamp shows) after `prefix` to `out`.
    static func append(prefix: String, micros: Int64, token: String, to out: inout String, timestamps: inout TimestampText) {
        out += prefix
        out += "\"time\":\""
        timestamps.append(micros: micros, to: &out)
        out += "\",\"token\":"
        JSONString.append(token, to: &out)
        out += "}"
    }
}
