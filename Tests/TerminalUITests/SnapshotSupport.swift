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

/// Whether any cell of the buffer holds a control or bidi-override scalar.
func containsUnsafeScalar(_ buffer: Buffer) -> Bool {
    buffer.cells.contains { cell in
        cell.symbol.unicodeScalars.contains { Sanitizer.replacement(for: $0) != nil }
    }
}

@Suite struct SnapshotSupportTests {
    @Test func lineDiffNamesTheChangedLine() throws {
        let diff = try #require(Snapshot.lineDiff(expected: "a\nb\nc\n", actual: "a\nX\nc\n"))
        #expect(diff.contains("line 2:"))
        #expect(diff.contains("|b|"))
        #expect(diff.contains("|X|"))
        #expect(!diff.contains("line 1:"))
        #expect(Snapshot.lineDiff(expected: "same\n", actual: "same\n") == nil)
    }
}
