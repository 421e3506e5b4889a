import Foundation
import Testing
import RunscopeTestSupport
import TerminalUI

/// This target's snapshots, in `Snapshots/` next to this file.
enum Snapshot {
    static let store = SnapshotStore(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots"))

    /// Compares `buffer` with the stored snapshot `name`.
    static func assertMatches(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        store.assertMatches(buffer, named: name, sourceLocation: sourceLocation)
    }

    /// The text form of a buffer.
    static func render(_ buffer: Buffer) -> String { SnapshotStore.render(buffer) }

    /// A readable list of differing lines, or nil when equal.
    static func lineDiff(expected: String, actual: String) -> String? {
        SnapshotStore.lineDiff(expected: expected, actual: actual)
    }
}

