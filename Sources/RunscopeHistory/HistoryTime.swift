import Foundation

/// Reads the times `--since` and `--older-than` take: an age (`90s`, `30m`, `2h`, `1d`, `2w`)
/// or a date (`2026-11-30`, `2026-11-30T12:00:00Z`, local time when no zone is given).
public enum HistoryTime {
    /// The moment `text` names, counted back from `now` for an age; `nil` when unreadable.
    public static func moment(_ text: String, now: Date = Date()) -> Date? {
        if let age = age(text) { return now.addingTimeInterval(-age) }
        return date(text)
    }

    /// The seconds of an age such as `2h`.
    public static func age(_ text: String) -> TimeInterval? {
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        guard let unit = text.last.flatMap({ units[$0] }), let count = Double(text.dropLast()), count >= 0 else { return nil }
        return count * unit
    }

    private static func date(_ text: String) -> Date? {
        let formats = ["yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
                       "yyyy-MM-dd HH:mm", "yyyy-MM-dd"]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
