import Foundation
import Testing
import TerminalUI

/// Text snapshots of buffers, stored as `<directory>/<name>.txt` (test targets pass
/// a folder found through `#filePath`, not bundle resources).
///
/// A snapshot is `Buffer.lines()` (trailing spaces trimmed) joined by "\n"
/// plus a final "\n". If the file is missing, or RECORD_SNAPSHOTS=1 is set,
/// the file is (re)written and the test fails with a note to review it;
/// otherwise a mismatch fails with a line-by-line diff.
public struct SnapshotStore: Sendable {
    /// Folder holding the snapshot files.
    public let directory: URL

    /// A store of snapshots in `directory`.
    public init(directory: URL) { self.directory = directory }

    /// Compares `buffer` with the stored snapshot `name`.
    public func assertMatches(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = Self.render(buffer)
        let file = directory.appendingPathComponent("\(name).txt")
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
                Issue.record("Recorded snapshot \(file.path); review it, then run again without RECORD_SNAPSHOTS.",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        if let difference = Self.lineDiff(expected: expected, actual: actual) {
            Issue.record("Snapshot \(name) differs (rerun with RECORD_SNAPSHOTS=1 to accept):\n\(difference)",
                         sourceLocation: sourceLocation)
        }
    }

    /// The text form of a buffer.
    public static func render(_ buffer: Buffer) -> String {
        buffer.lines().joined(separator: "\n") + "\n"
    }

    /// A readable list of differing lines, or nil when equal.
    public static func lineDiff(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for index in 0..<max(old.count, new.count) {
            let was = index < old.count ? String(old[index]) : "<no line>"
            let now = index < new.count ? String(new[index]) : "<no line>"
            guard was != now else { continue }
            report.append("line \(index + 1):\n  - expected |\(was)|\n  + actual   |\(now)|")
        }
        if report.isEmpty { report.append("(only line endings differ)") }
        return report.joined(separator: "\n")
    }
}

