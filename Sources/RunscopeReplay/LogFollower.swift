import Foundation

/// Follows an event log another process is still writing (as `tail -f`): yields
/// complete lines as they are appended, holds a partial last line until it ends,
/// starts over when the file is truncated or replaced, and reads standard input
/// (`-`) until it closes.
public struct LogFollower: Sendable {
    public let path: String
    /// How often to look for new bytes in a file, in seconds.
    public var pollInterval: Double

    /// A follower of `path` (`-`: standard input).
    public init(path: String, pollInterval: Double = 0.05) {
        self.path = path
        self.pollInterval = pollInterval
    }

    /// Returns once the file exists (at once for standard input), looking every
    /// `pollInterval` seconds; throws `CancellationError` if the task is cancelled first.
    public func waitForFile() async throws {
        while path != "-", !FileManager.default.fileExists(atPath: path) {
            try await Task.sleep(nanoseconds: UInt64(pollInterval * 1e9))
        }
    }

    /// The lines, as they come; the stream ends when standard input closes or the task is cancelled.
    public func lines() -> AsyncThrowingStream<Substring, any Error> {
        let path = self.path
        let interval = pollInterval
        return AsyncThrowingStream { continuation in
            let task = Task.detached {
                do {
                    if path == "-" { Self.readStandardInput(continuation) } else { try await Self.follow(path, interval, continuation) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private static func readStandardInput(_ continuation: AsyncThrowingStream<Substring, any Error>.Continuation) {
        var splitter = LineSplitter()
        while !Task.isCancelled {
            let chunk = FileHandle.standardInput.availableData
            if chunk.isEmpty { break }
            for line in splitter.feed(chunk) { continuation.yield(line) }
        }
        if let last = splitter.finish() { continuation.yield(last) }
    }

    private static func follow(
        _ path: String, _ interval: Double, _ continuation: AsyncThrowingStream<Substring, any Error>.Continuation
    ) async throws {
        var splitter = LineSplitter()
        var file: FileState?
        while !Task.isCancelled {
            if file == nil || file!.wasReplacedOrTruncated() {
                splitter.reset()
                file = FileState(path: path)
            }
            if let bytes = file?.readNew(), !bytes.isEmpty {
                for line in splitter.feed(bytes) { continuation.yield(line) }
                continue
            }
            try await Task.sleep(nanoseconds: UInt64(interval * 1e9))
        }
    }
}

/// An open file being followed: where we are, and which file it is.
struct FileState {
    let path: String
    let handle: FileHandle?
    let inode: UInt64?
    var offset: UInt64 = 0

    init(path: String) {
        self.path = path
        self.handle = FileHandle(forReadingAtPath: path)
        self.inode = Self.inode(path)
    }

    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    static func size(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_size) : nil
    }

    /// Whether the path now names another file, or the file got shorter than what was read.
    func wasReplacedOrTruncated() -> Bool {
        guard handle != nil else { return true }
        if Self.inode(path) != inode { return true }
        return (Self.size(path) ?? 0) < offset
    }

    /// The bytes appended since the last read.
    mutating func readNew() -> Data? {
        guard let handle else { return nil }
        let data = handle.readData(ofLength: 1 << 16)
        offset += UInt64(data.count)
        return data
    }
}
