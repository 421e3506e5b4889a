import Foundation
import Testing

/// `runscope otlp` in a real terminal (tmux): spans a real OpenInference-instrumented
/// LangGraph agent sent (recorded in RunscopeOTLPTests' fixtures) are posted over
/// loopback; the header says how many wait for their parent, and the tree appears
/// when the root arrives.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed: end-to-end tests skipped"))
struct OTLPReceiveE2ETests {
    static let fixtures = RunscopeCLIE2ETests.root.appendingPathComponent("Tests/RunscopeOTLPTests/Fixtures/receive")

    /// The bodies of a recorded client's requests (each line: content type, base64 body).
    static func requests(_ name: String) throws -> [(contentType: String, body: [UInt8])] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name + ".requests.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let body = try #require(Data(base64Encoded: object["body_base64"] as? String ?? ""))
            return (object["content_type"] as? String ?? "", Array(body))
        }
    }

    /// POSTs `body` to `/v1/traces` on 127.0.0.1:`port` over a plain socket (`Connection: close`:
    /// the answer ends when the receiver closes); returns the status code.
    static func post(port: Int, contentType: String, body: [UInt8]) throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0, "no socket")
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0, "cannot connect to port \(port)")
        // Never wait forever for the answer.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let head = "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let request = Array(head.utf8) + body
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            try #require(count > 0, "the write failed")
            sent += count
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            answer += buffer[..<count]
        }
        let statusLine = String(decoding: answer.prefix { $0 != 13 }, as: UTF8.self)
        return Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? -1
    }

    @Test func anAgentsSpansShowAsATreeOnceTheRootArrives() async throws {
        let binary = RunscopeCLIE2ETests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "run `swift build` first")
        let session = try TmuxSession(binary: binary, arguments: ["otlp", "--listen", "127.0.0.1:0"], width: 160, height: 30)
        defer { session.close() }
        let header = try #require(await session.waitFor("otlp 127.0.0.1:"), "the receiver's header did not appear")
        let portText = try #require(header.split(separator: "\n").first { $0.contains("otlp 127.0.0.1:") })
            .components(separatedBy: "otlp 127.0.0.1:")[1].prefix { $0.isNumber }
        let port = try #require(Int(portText))
        let requests = try Self.requests("langgraph-agent")
        #expect(requests.count == 7)
        // Children end, and are sent, first: they wait for their parent, and the header says so.
        for request in requests.prefix(6) {
            #expect(try Self.post(port: port, contentType: request.contentType, body: request.body) == 200)
        }
        let waiting = await session.waitFor("6 spans wait for a parent")
        _ = try #require(waiting, "the header did not count the waiting spans:\n\(session.capture())")
        #expect(waiting?.contains("fixture-app") == true)
        #expect(waiting?.contains("get_weather") == false)
        #expect(try Self.post(port: port, contentType: requests[6].contentType, body: requests[6].body) == 200)
        let tree = await session.waitFor { $0.contains("LangGraph") && $0.contains("tools") && !$0.contains("wait for a parent") }
        _ = try #require(tree, "the tree did not appear:\n\(session.capture())")
        // Expand everything below the root (→ opens the selected run) and find the tool.
        session.send("Right")
        session.send("End")
        let expanded = await session.waitFor { $0.contains("model") }
        #expect(expanded != nil)
        session.send("q")
        #expect(await session.exitStatus() == 0)
        let modes = try #require(session.terminalModes())
        #expect(modes.before == modes.after)
    }
}
