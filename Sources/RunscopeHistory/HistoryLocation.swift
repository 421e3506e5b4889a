import Foundation

/// Where the history lives and whether it is on, from the environment:
/// `$RUNSCOPE_HOME/history.sqlite`, `RUNSCOPE_HOME` defaulting to
/// `$XDG_DATA_HOME/runscope` or `~/.local/share/runscope`; `RUNSCOPE_HISTORY=off` turns it off.
public enum HistoryLocation {
    /// The database file's path for `environment`.
    public static func databasePath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        home(environment) + "/history.sqlite"
    }

    /// The runscope home directory for `environment`.
    public static func home(_ environment: [String: String]) -> String {
        if let home = environment["RUNSCOPE_HOME"], !home.isEmpty { return home }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/runscope" }
        let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return user + "/.local/share/runscope"
    }

    /// Whether `RUNSCOPE_HISTORY` turns the history off (`off`, `0`, `false`, `no`).
    public static func isDisabled(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let value = environment["RUNSCOPE_HISTORY"]?.lowercased() else { return false }
        return ["off", "0", "false", "no"].contains(value)
    }

    /// The busy timeout: `RUNSCOPE_HISTORY_TIMEOUT_MS`, else 5 seconds.
    public static func busyTimeout(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> TimeInterval {
        environment["RUNSCOPE_HISTORY_TIMEOUT_MS"].flatMap(Double.init).map { $0 / 1000 } ?? 5
    }
}
