import Foundation
import RunscopeCore

/// An event log read one entry at a time, 64 KiB of the file at a time: replaying a big
/// log starts at once and never holds the file, only the lines of the chunk being read
/// (``FileLines`` reads a file whole, for import). Bad lines are counted as the reader
/// counts them. Entries are read by one task at a time; the lock makes that safe to share.
public final class EventLogFile: Sendable {
    private let state: Locked<State>

    /// The log at `path` (`-`: standard input), opened; nothing is read yet.
    public init(path: String) throws(EventLogError) {
        state = Locked(State(handle: try FileLines.open(path), reader: EventLogReader(source: path)))
    }

    /// The next entry, or nil at the end of the log.
    public func next() throws(EventLogError) -> EventLogEntry? {
        try state.withLock { state throws(EventLogError) -> EventLogEntry? in try state.next() }
    }

    /// The first entry; a log in which no line is an event (a chain file, say, or an
    /// empty file) is an error, as ``Replayer/entries(_:reader:)`` says. Nil only when every
    /// event was a duplicate.
    public func first() throws(EventLogError) -> EventLogEntry? {
        if let entry = try next() { return entry }
        let reader = self.reader
        if reader.duplicates == 0 { throw Replayer.notAnEventLog(reader) }
        return nil
    }

    /// The reader as it stands: lines read, skipped and duplicated so far.
    public var reader: EventLogReader { state.withLock { $0.reader } }

    /// Lines skipped and events dropped as duplicates so far (the replay header's count).
    public var passedOver: Int { state.withLock { $0.reader.skipped + $0.reader.duplicates } }

    /// The reading position: the file, the lines of the chunk read last and the reader.
    private struct State: Sendable {
        let handle: FileHandle
        var reader: EventLogReader
        var splitter = LineSplitter()
        var lines: [Substring] = []
        var nextLine = 0
        var atEnd = false

        init(handle: FileHandle, reader: EventLogReader) {
            self.handle = handle
            self.reader = reader
        }

        mutating func next() throws(EventLogError) -> EventLogEntry? {
            while true {
                while nextLine < lines.count {
                    let line = lines[nextLine]
                    nextLine += 1
                    if let entry = try reader.read(line: line) { return entry }
                }
                if atEnd { return nil }
                readChunk()
            }
        }

        /// The lines completed by the next chunk (at the end: the unfinished last line).
        mutating func readChunk() {
            nextLine = 0
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty {
                atEnd = true
                lines = splitter.finish().map { [$0] } ?? []
            } else {
                lines = splitter.feed(chunk)
            }
        }
    }
}
