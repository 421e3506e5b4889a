import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RunscopeCore
import RunscopeOTLP
import Synchronization
import Testing

/// The receiver over real HTTP on loopback: what it answers, and that no bad request stops it.
@Suite struct ReceiverTests {
    /// A receiver that keeps what it accepts.
    final class Inbox: Sendable {
        let requests = Mutex<[OTLPExportRequest]>([])
        let open = Mutex(true)
        func accept(_ request: OTLPExportRequest) -> Bool {
            guard open.withLock({ $0 }) else { return false }
            requests.withLock { $0.append(request) }
            return true
        }
    }

    struct Answer {
        var status: Int
        var contentType: String?
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func post(
        _ url: String, _ body: [UInt8], headers: [(String, String)], method: HTTPMethod = .POST
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if method == .POST { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Answer(status: Int(response.status.code), contentType: response.headers.first(name: "content-type"), body: Array(bytes.readableBytesView))
    }

    static func withReceiver(token: String? = nil, limit: Int = OTLPBody.limit, _ body: (OTLPReceiver, Inbox) async throws -> Void) async throws {
        let inbox = Inbox()
        let receiver = try await OTLPReceiver.start(port: 0, token: token, limit: limit) { inbox.accept($0) }
        do {
            try await body(receiver, inbox)
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }

    static let protobuf = [("Content-Type", "application/x-protobuf")]

    @Test func realClientRequestsAreAcceptedInTheirEncoding() async throws {
        try await Self.withReceiver { receiver, inbox in
            for name in ["sdk-protobuf", "sdk-json", "sdk-protobuf-gzip"] {
                for request in try ReceiveFixtures.requests(name) {
                    var headers = [("Content-Type", request.contentType)]
                    if let coding = request.contentEncoding { headers.append(("Content-Encoding", coding)) }
                    let answer = try await Self.post(receiver.url, request.body, headers: headers)
                    #expect(answer.status == 200, "\(name): \(answer.text)")
                    #expect(answer.contentType == request.contentType)
                    #expect(answer.text == (request.contentType == "application/json" ? "{}" : ""))
                }
            }
            #expect(inbox.requests.withLock { $0 } == (try ["sdk-protobuf", "sdk-json", "sdk-protobuf-gzip"].flatMap(ReceiveFixtures.decoded)))
            let counts = receiver.counts
            #expect([counts.accepted, counts.spans, counts.refused] == [3, 12, 0] as [Int])
        }
    }

    @Test func badRequestsGetTheirStatusAndTheReceiverGoesOn() async throws {
        let good = try #require(try ReceiveFixtures.requests("sdk-protobuf").first)
        try await Self.withReceiver(limit: 1 << 20) { receiver, inbox in
            let garbage = try await Self.post(receiver.url, [0xFF, 0xFF, 0xFF], headers: Self.protobuf)
            #expect(garbage.status == 400)
            // A google.rpc.Status: code 400 (field 1), then the message (field 2).
            #expect(garbage.body.prefix(3) == [0x08, 0x90, 0x03])
            #expect(garbage.text.contains("not an OTLP ExportTraceServiceRequest"))
            let badJSON = try await Self.post(receiver.url, Array(#"{"resourceSpans": 1}"#.utf8), headers: [("Content-Type", "application/json")])
            #expect(badJSON.status == 400)
            #expect(badJSON.text.contains(#""message":"resourceSpans: expected an array"#))
            let text = try await Self.post(receiver.url, good.body, headers: [("Content-Type", "text/plain")])
            #expect(text.status == 415)
            let big = try await Self.post(receiver.url, [UInt8](repeating: 0, count: (1 << 20) + 1), headers: Self.protobuf)
            #expect(big.status == 413)
            let bomb = try #require(Gzip.compress([UInt8](repeating: 0, count: 2 << 20)))
            let inflated = try await Self.post(receiver.url, bomb, headers: Self.protobuf + [("Content-Encoding", "gzip")])
            #expect(inflated.status == 413)
            let path = try await Self.post(receiver.url.replacingOccurrences(of: "/v1/traces", with: "/v1/logs"), good.body, headers: Self.protobuf)
            #expect(path.status == 404)
            let get = try await Self.post(receiver.url, [], headers: [], method: .GET)
            #expect(get.status == 405)
            #expect(inbox.requests.withLock { $0.isEmpty })
            let after = try await Self.post(receiver.url, good.body, headers: Self.protobuf)
            #expect(after.status == 200)
            #expect(inbox.requests.withLock { $0.count } == 1)
            #expect(receiver.counts.refused == 7)
        }
    }

    @Test func withATokenOnlyTheRightBearerIsServed() async throws {
        let good = try #require(try ReceiveFixtures.requests("sdk-protobuf").first)
        try await Self.withReceiver(token: "s3cret") { receiver, inbox in
            let none = try await Self.post(receiver.url, good.body, headers: Self.protobuf)
            let wrong = try await Self.post(receiver.url, good.body, headers: Self.protobuf + [("Authorization", "Bearer nope")])
            let right = try await Self.post(receiver.url, good.body, headers: Self.protobuf + [("Authorization", "Bearer s3cret")])
            #expect([none.status, wrong.status, right.status] == [401, 401, 200] as [Int])
            #expect(inbox.requests.withLock { $0.count } == 1)
        }
    }

    @Test func aReceiverThatIsBehindAsksForARetry() async throws {
        let good = try #require(try ReceiveFixtures.requests("sdk-protobuf").first)
        try await Self.withReceiver { receiver, inbox in
            inbox.open.withLock { $0 = false }
            let answer = try await Self.post(receiver.url, good.body, headers: Self.protobuf)
            #expect(answer.status == 503)
        }
    }
}
