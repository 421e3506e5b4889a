import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Unix socket that any number of processes connect to and write event-log lines
/// on (`runscope exec` hands its path to the program as `RUNSCOPE_EVENTS=unix:PATH`).
/// Each connection's lines are kept whole; lines of different connections arrive in
/// the order they are read. One thread polls the socket and its connections, so no
/// cooperative thread ever blocks.
public final class EventSocket: Sendable {
    /// The socket's path (in a private temporary directory, removed at the end).
    public let path: String
    private let directory: String
    private let listener: Int32
    private let wake: (read: Int32, write: Int32)

    /// Creates and listens on a new socket.
    public init() throws(EventLogError) {
        var template = Array("/tmp/runscope-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw EventLogError(message: "cannot create a temporary directory in /tmp") }
        directory = String(cString: made)
        path = directory + "/events.sock"
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var pipeEnds: [Int32] = [0, 0]
        guard listener >= 0, pipe(&pipeEnds) == 0, Self.bindSocket(listener, path), listen(listener, 128) == 0 else {
            throw EventLogError(message: "cannot listen on \(path): \(String(cString: strerror(errno)))")
        }
        wake = (pipeEnds[0], pipeEnds[1])
        _ = fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK)
        // The program runscope starts must not inherit these.
        for fd in [listener, wake.read, wake.write] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    }

    private static func bindSocket(_ fd: Int32, _ path: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }

    /// The lines as they come. After ``finish(grace:)`` the stream reads what is
    /// still queued, then ends when every connection has closed or the grace time is up.
    public func lines() -> AsyncStream<Substring> {
        AsyncStream { continuation in
            let thread = Thread { [self] in
                var loop = EventSocketLoop(listener: listener, wake: wake.read)
                loop.run { continuation.yield($0) }
                continuation.finish()
                cleanUp()
            }
            thread.name = "runscope-events"
            continuation.onTermination = { [self] _ in finish(grace: 0) }
            thread.start()
        }
    }

    /// Stops accepting new writers once the queued ones are taken, and ends the stream
    /// when the open connections close, or after `grace` seconds.
    public func finish(grace: Double) {
        var milliseconds = Int32(max(0, min(grace, 60)) * 1000)
        _ = withUnsafeBytes(of: &milliseconds) { write(wake.write, $0.baseAddress, 4) }
    }

    private func cleanUp() {
        close(listener)
        close(wake.read)
        close(wake.write)
        unlink(path)
        rmdir(directory)
    }
}

/// The poll loop behind ``EventSocket``: accepts writers and splits their bytes into lines.
struct EventSocketLoop {
    let listener: Int32
    let wake: Int32
    private var connections: [Int32: LineSplitter] = [:]
    private var deadline: Date?

    init(listener: Int32, wake: Int32) {
        self.listener = listener
        self.wake = wake
    }

    mutating func run(_ yield: (Substring) -> Void) {
        while true {
            var fds = [pollfd(fd: wake, events: Int16(POLLIN), revents: 0), pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            fds += connections.keys.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let timeout = deadline.map { Int32(max(0, $0.timeIntervalSinceNow * 1000)) } ?? -1
            if poll(&fds, nfds_t(fds.count), timeout) < 0, errno != EINTR { break }
            if fds[0].revents != 0 { readWake() }
            if fds[1].revents != 0 || deadline != nil { acceptAll() }
            for entry in fds.dropFirst(2) where entry.revents != 0 { receive(entry.fd, yield) }
            if let deadline, connections.isEmpty || deadline <= Date() { break }
        }
        for (fd, var splitter) in connections {
            if let last = splitter.finish() { yield(last) }
            close(fd)
        }
    }

    private mutating func readWake() {
        var milliseconds: Int32 = 0
        guard withUnsafeMutableBytes(of: &milliseconds, { read(wake, $0.baseAddress, 4) }) == 4 else { return }
        let asked = Date().addingTimeInterval(Double(milliseconds) / 1000)
        deadline = min(deadline ?? asked, asked)
    }

    private mutating func acceptAll() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 { return }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            connections[fd] = LineSplitter()
        }
    }

    private mutating func receive(_ fd: Int32, _ yield: (Substring) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR || errno == EAGAIN { return }
        guard count > 0 else {
            if let last = connections[fd]?.finish() { yield(last) }
            connections[fd] = nil
            close(fd)
            return
        }
        for line in connections[fd]!.feed(buffer[..<count]) { yield(line) }
    }
}
