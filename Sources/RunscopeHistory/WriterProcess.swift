import Foundation

/// Who writes a trace: a process id and that process's start time, so that a
/// reused pid is not taken for the writer still running.
public struct WriterProcess: Sendable, Equatable {
    public var pid: Int32
    /// The process start time as the system reports it (Linux: clock ticks after boot; 0 when unknown).
    public var started: Int64

    /// This process.
    public static var current: WriterProcess {
        let pid = getpid()
        return WriterProcess(pid: pid, started: startTime(of: pid) ?? 0)
    }

    /// Whether that process is still running.
    public var isAlive: Bool {
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        guard started != 0, let now = Self.startTime(of: pid) else { return true }
        return now == started
    }

    /// Field 22 of `/proc/PID/stat` (the start time), where there is a /proc.
    static func startTime(of pid: Int32) -> Int64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command come state (field 3) ... starttime (field 22): index 19.
        return fields.count > 19 ? Int64(fields[19]) : nil
    }
}
