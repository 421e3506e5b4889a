import Foundation
import RunscopeReplay
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The socket `runscope exec` reads events on: real Unix-socket writers, as the Python
/// package's processes connect.
@Suite struct EventSocketTests {
    /// Connects to `path` and writes `chunks` one `write` call each, then closes.
    static func writer(_ path: String, _ chunks: [String]) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(connected == 0, "cannot connect to \(path)")
        for chunk in chunks { _ = chunk.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) } }
        close(fd)
    }

    @Test func linesOfSeveralWritersArriveWholeAndTheStreamEndsAfterFinish() async throws {
        let socket = try EventSocket()
        #expect(FileManager.default.fileExists(atPath: socket.path))
        let lines = socket.lines()
        try Self.writer(socket.path, ["{\"a\":", "1}\n{\"a\":2}\n", "{\"a\":3}"])  // the last line has no newline
        try Self.writer(socket.path, ["{\"b\":1}\r\n"])
        socket.finish(grace: 5)
        var received: [String] = []
        for await line in lines { received.append(String(line)) }
        #expect(received.filter { $0.hasPrefix("{\"a\"") } == ["{\"a\":1}", "{\"a\":2}", "{\"a\":3}"])
        #expect(received.filter { $0.hasPrefix("{\"b\"") } == ["{\"b\":1}"])
        #expect(received.count == 4)
        #expect(!FileManager.default.fileExists(atPath: socket.path), "the socket file is removed at the end")
    }

    @Test func aWriterThatStaysConnectedEndsTheStreamAtTheGraceTime() async throws {
        let socket = try EventSocket()
        let lines = socket.lines()
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socket.path.utf8.enumerated() { raw[index] = byte }
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        _ = "{\"held\":1}\n".utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        socket.finish(grace: 0.3)
        var received: [String] = []
        for await line in lines { received.append(String(line)) }
        #expect(received == ["{\"held\":1}"])
    }
}
