import Foundation

/// Splits bytes into lines as they come, keeping an unfinished last line until its
/// newline arrives (or the input ends).
public struct LineSplitter: Sendable {
    private var pending: [UInt8] = []

    /// A splitter with nothing pending.
    public init() {}

    /// The complete lines in `bytes` (CRLF or LF ends), in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Substring] {
        if let lines = bytes.withContiguousStorageIfAvailable({ split($0) }) { return lines }
        return Array(bytes).withUnsafeBufferPointer { split($0) }
    }

    /// The lines of one buffer: each newline found with `memchr`, a line decoded straight
    /// from the buffer unless it began in an earlier one (then from `pending`).
    private mutating func split(_ buffer: UnsafeBufferPointer<UInt8>) -> [Substring] {
        guard let base = buffer.baseAddress else { return [] }
        var lines: [Substring] = []
        var start = 0
        while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
            let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if pending.isEmpty {
                let end = newline > start && base[newline - 1] == 0x0D ? newline - 1 : newline
                lines.append(Substring(String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)))
            } else {
                pending.append(contentsOf: UnsafeBufferPointer(start: base + start, count: newline - start))
                if pending.last == 0x0D { pending.removeLast() }
                lines.append(Substring(String(decoding: pending, as: UTF8.self)))
                pending.removeAll(keepingCapacity: true)
            }
            start = newline + 1
        }
        if start < buffer.count { pending.append(contentsOf: UnsafeBufferPointer(start: base + start, count: buffer.count - start)) }
        return lines
    }

    /// The unfinished last line, if any (at the end of the input).
    public mutating func finish() -> Substring? {
        defer { pending.removeAll() }
        return pending.isEmpty ? nil : Substring(String(decoding: pending, as: UTF8.self))
    }

    /// Drops what is pending (the file was truncated or replaced).
    public mutating func reset() { pending.removeAll() }
}

/// Reads an event log file line by line, whole (for import; replay reads with ``EventLogFile``).
public enum FileLines {
    /// Every line of the file at `path` (`-`: standard input), the last one even without a newline.
    public static func read(_ path: String) throws(EventLogError) -> [Substring] {
        let handle = try open(path)
        var splitter = LineSplitter()
        var lines: [Substring] = []
        while true {
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            lines += splitter.feed(chunk)
        }
        if let last = splitter.finish() { lines.append(last) }
        return lines
    }

    /// The file at `path` opened for reading (`-`: standard input), or an error naming it.
    static func open(_ path: String) throws(EventLogError) -> FileHandle {
        if path == "-" { return .standardInput }
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw EventLogError(message: "\(path): cannot read the file (\(FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"))")
        }
        return file
    }
}
