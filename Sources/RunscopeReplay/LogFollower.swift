import Foundation
import RunscopeCore

/// Follows an event log another process is still writing (as `tail -f`): yields
/// complete lines as they are appended, holds a partial last line until it ends,
/// starts over when the file is truncated or replaced, and reads standard input
/// (`-`) until it closes.
public struct LogFollower: Sendable {
    public let path: String
    /// How often to look for new bytes in a file, in seconds.
    public var pollInterval: Double
    /// Hears, on the reading thread, each step of following a file (for tests: what was
    /// read and when it started over, which the lines alone do not show).
    var observer: (@Sendable (FollowStep) -> Void)?

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

    /// The lines, as they come; the stream ends when standard input closes or the consumer
    /// stops. The reading runs on a thread of its own (a follower mostly waits, and a wait
    /// must not hold one of the few threads Swift's tasks share); a file's new bytes are
    /// read as soon as its directory reports a change (`FileChangeWatch`), and every
    /// `pollInterval` seconds in any case.
    public func lines() -> AsyncThrowingStream<Substring, any Error> {
        let path = self.path
        let interval = pollInterval
        let observer = self.observer
        return AsyncThrowingStream { continuation in
            let stop = Locked(false)
            let watch = path == "-" ? nil : FileChangeWatch(path: path)
            let thread = Thread {
                if let watch {
                    Self.follow(path, interval, watch, stop, observer, continuation)
                } else {
                    Self.readStandardInput(stop, continuation)
                }
                continuation.finish()
            }
            thread.name = "runscope-follow"
            continuation.onTermination = { _ in
                stop.withLock { $0 = true }
                watch?.cancel()
            }
            thread.start()
        }
    }

    private static func readStandardInput(
        _ stop: Locked<Bool>, _ continuation: AsyncThrowingStream<Substring, any Error>.Continuation
    ) {
        var splitter = LineSplitter()
        while !stop.withLock({ $0 }) {
            let chunk = FileHandle.standardInput.availableData
            if chunk.isEmpty { break }
            for line in splitter.feed(chunk) { continuation.yield(line) }
        }
        if let last = splitter.finish() { continuation.yield(last) }
    }

    private static func follow(
        _ path: String, _ interval: Double, _ watch: FileChangeWatch, _ stop: Locked<Bool>,
        _ observer: (@Sendable (FollowStep) -> Void)?,
        _ continuation: AsyncThrowingStream<Substring, any Error>.Continuation
    ) {
        var splitter = LineSplitter()
        var file: FileState?
        while !stop.withLock({ $0 }) {
            if file == nil || file!.wasReplacedOrTruncated() {
                if file != nil { observer?(.startedOver) }
                splitter.reset()
                file = FileState(path: path)
            }
            if let bytes = file?.readNew(), !bytes.isEmpty {
                for line in splitter.feed(bytes) { continuation.yield(line) }
                observer?(.read(bytes.count))
                continue
            }
            watch.wait(timeout: interval)
        }
    }
}

/// A step of following a file, as `LogFollower.observer` hears it.
enum FollowStep: Sendable, Equatable {
    /// Bytes were read (their lines, if any, already yielded).
    case read(Int)
    /// The file was truncated or replaced, and is read again from its start.
    case startedOver
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
