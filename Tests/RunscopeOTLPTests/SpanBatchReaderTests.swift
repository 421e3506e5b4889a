import Foundation
import RunscopeCore
import RunscopeOTLP
import Synchronization
import Testing

/// The direct protobuf reader (`OTLPBody.batch`, `SpanBatchReader`) against swift-protobuf:
/// the same batch for every body swift-protobuf takes, an error for every body it refuses,
/// and errors that say where the body is wrong.
@Suite struct SpanBatchReaderTests {
    typealias Outcome = Result<SpanBatch, OTLPDecodeError>

    /// The body read directly.
    static func direct(_ bytes: [UInt8]) -> Outcome {
        Result { () throws(OTLPDecodeError) in try OTLPBody.batch(bytes, encoding: .protobuf, contentEncoding: nil) }
    }

    /// The body decoded by swift-protobuf, then taken as a batch.
    static func generated(_ bytes: [UInt8]) -> Outcome {
        Result { () throws(OTLPDecodeError) in SpanBatch(try OTLPBody.decode(bytes, encoding: .protobuf, contentEncoding: nil)) }
    }

    /// Both decoders give the same batch, or both refuse the body (with a one-line error).
    static func agree(_ bytes: [UInt8]) -> Bool {
        switch (direct(bytes), generated(bytes)) {
        case let (.success(a), .success(b)): return a == b
        case let (.failure(error), .failure): return !error.message.isEmpty && !error.message.contains("\n")
        default: return false
        }
    }

    /// The protobuf bodies of the receive fixtures, inflated.
    static func fixtureBodies() throws -> [[UInt8]] {
        try ["langchain-chain", "langgraph-agent", "sdk-protobuf", "sdk-protobuf-gzip"].flatMap(ReceiveFixtures.requests).map { request in
            request.contentEncoding == "gzip" ? try Gzip.decompress(request.body, limit: 1 << 20) : request.body
        }
    }

    @Test func fixturesReadAsSwiftProtobufReadsThem() throws {
        for name in ["langchain-chain", "langgraph-agent", "sdk-protobuf", "sdk-protobuf-gzip", "sdk-json"] {
            for request in try ReceiveFixtures.requests(name) {
                let encoding = try OTLPBody.Encoding(contentType: request.contentType).orThrow("content type of \(name)")
                let batch = try OTLPBody.batch(request.body, encoding: encoding, contentEncoding: request.contentEncoding)
                let decoded = try OTLPBody.decode(request.body, encoding: encoding, contentEncoding: request.contentEncoding)
                #expect(batch == SpanBatch(decoded), "\(name)")
                #expect(batch.spanCount > 0)
            }
        }
    }

    @Test func randomRequestsReadAsSwiftProtobufReadsThem() throws {
        var random = RandomRequests(seed: 11)
        for round in 0..<400 {
            let request = random.request()
            let bytes: [UInt8] = try request.serializedBytes()
            #expect(try OTLPBody.batch(bytes, encoding: .protobuf, contentEncoding: nil) == SpanBatch(request), "round \(round)")
        }
    }

    @Test func unknownFieldsAreSkippedWhereverTheyAre() throws {
        var random = RandomRequests(seed: 12)
        for round in 0..<300 {
            let request = random.request()
            let bytes: [UInt8] = try request.serializedBytes()
            // At the top level, and inside a span: skipped, the batch is the one without them.
            let span: [UInt8] = try request.resourceSpans.first?.scopeSpans.first?.spans.first?.serializedBytes() ?? []
            let plain = try OTLPBody.batch(Wire.request(span: span), encoding: .protobuf, contentEncoding: nil)
            let spliced = random.unknownFields() + Wire.request(span: random.unknownFields() + span + random.unknownFields())
            #expect(try OTLPBody.batch(spliced, encoding: .protobuf, contentEncoding: nil) == plain, "round \(round)")
            #expect(Self.agree(random.unknownFields() + bytes + random.unknownFields()), "round \(round)")
            // Fields the messages have, with other wire types or bytes that may not parse: as swift-protobuf reads them.
            #expect(Self.agree(random.unknownFields(known: true) + bytes), "round \(round)")
            #expect(Self.agree(Wire.request(span: span + random.unknownFields(known: true))), "round \(round)")
        }
    }

    @Test func aValueOrStatusGivenTwiceMergesAsProtobufSays() throws {
        let string = Wire.field(1, Array("a".utf8))
        let array = { (item: [UInt8]) in Wire.field(5, Wire.field(1, item)) }
        let kvlist = Wire.field(6, Wire.field(1, Wire.field(1, Array("k".utf8))))
        let values: [[UInt8]] = [
            string + Wire.tag(3, 0) + Wire.varint(7),
            array(string) + array(Wire.tag(2, 0) + [1]),
            kvlist + kvlist + string,
            array(string) + kvlist + array([]),
        ]
        for value in values {
            let attribute = Wire.field(1, Array("key".utf8)) + Wire.field(2, value) + Wire.field(2, value)
            let status = Wire.field(15, Wire.tag(3, 0) + [2]) + Wire.field(15, Wire.field(2, Array("m".utf8)))
            #expect(Self.agree(Wire.request(span: Wire.field(9, attribute) + status)))
        }
    }

    @Test func everyTruncationOfAFixtureIsAnErrorOrWhatSwiftProtobufReads() throws {
        for body in try Self.fixtureBodies() {
            for count in 0..<body.count {
                #expect(Self.agree(Array(body.prefix(count))), "\(count) of \(body.count) bytes")
            }
        }
    }

    @Test func everyByteOfAFixtureChangedIsAnErrorOrWhatSwiftProtobufReads() throws {
        // The smallest fixture (522 bytes), so the test stays short in a debug build.
        let body = try #require(try Self.fixtureBodies().min { $0.count < $1.count })
        for index in body.indices {
            for byte: UInt8 in [0x07, 0x0B, 0x80, 0xFF] where body[index] != byte {
                var changed = body
                changed[index] = byte
                #expect(Self.agree(changed), "byte \(index) set to \(byte)")
            }
        }
    }

    /// Bodies that are wrong, and what their error says.
    static let badBodies: [(body: [UInt8], says: String)] = {
        var cases: [(body: [UInt8], says: String)] = []
        cases.append((Wire.request(span: Wire.field(9, Wire.field(1, [0x61, 0xFF]))), "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].key: not valid UTF-8"))
        cases.append((Wire.request(span: Wire.field(2, [1, 2, 3, 4, 5, 6, 7, 8]) + Wire.tag(5, 2) + [50, 0x61]), "resourceSpans[0].scopeSpans[0].spans[0].name: a field of 50 bytes runs past the end"))
        cases.append((Wire.request(span: Wire.tag(7, 1) + [1, 2, 3]), "spans[0]: an 8-byte number runs past the end"))
        cases.append((Wire.tag(1, 0) + [UInt8](repeating: 0xFF, count: 10) + [0x01], "a varint is longer than 10 bytes"))
        cases.append((Wire.tag(1, 0) + [0x80], "a varint runs past the end"))
        cases.append(([0x0F], "wire type 7"))
        cases.append(([0x0C], "an end-group tag outside a group"))
        cases.append(([0x00], "field number 0"))
        cases.append((Wire.tag(9, 3) + Wire.tag(1, 0) + [1], "group 9 has no end"))
        cases.append((Wire.tag(9, 3) + Wire.tag(8, 4), "group 9 ends with the end of group 8"))
        cases.append(([0x0A, 0x05, 0x12], "resourceSpans[0]: a field of 5 bytes runs past the end"))
        return cases
    }()

    @Test(arguments: badBodies)
    func badBodiesSayWhereAndWhat(body: [UInt8], says: String) {
        #expect(Self.generated(body).isFailure)
        #expect {
            try OTLPBody.batch(body, encoding: .protobuf, contentEncoding: nil)
        } throws: { error in
            let message = (error as? OTLPDecodeError)?.message ?? ""
            return message.hasPrefix("not an OTLP ExportTraceServiceRequest in protobuf (\(body.count) bytes): ") && message.contains(says)
        }
    }

    @Test func valuesNestAsDeepAsSwiftProtobufAllowsAndNoDeeper() throws {
        for levels in 40...50 {
            var value = OTLPAnyValue()
            value.stringValue = "deep"
            for _ in 0..<levels {
                var array = Opentelemetry_Proto_Common_V1_ArrayValue()
                array.values = [value]
                value = OTLPAnyValue()
                value.arrayValue = array
            }
            var pair = OTLPKeyValue()
            pair.key = "k"
            pair.value = value
            var span = OTLPSpan()
            span.attributes = [pair]
            let bytes = Wire.request(span: try span.serializedBytes())
            #expect(Self.agree(bytes), "\(levels) levels")
            // The request, resource spans, scope spans, span, attribute and value are 6 levels; each array 2 more.
            #expect(Self.direct(bytes).isFailure == (6 + 2 * levels > 100))
        }
        var nested: [UInt8] = []
        for _ in 0..<200 { nested = Wire.field(5, Wire.field(1, nested)) }
        #expect {
            try OTLPBody.batch(Wire.request(span: Wire.field(9, Wire.field(2, nested))), encoding: .protobuf, contentEncoding: nil)
        } throws: { error in
            let message = (error as? OTLPDecodeError)?.message ?? ""
            return message.contains("spans[0].attributes[0].value.arrayValue.values[0].arrayValue") && message.contains("messages nest deeper than 100")
        }
    }

    @Test func groupsNestAsDeepAsSwiftProtobufAllows() {
        for levels in [90, 98, 99, 100, 150] {
            var group: [UInt8] = []
            for _ in 0..<levels { group = Wire.tag(20, 3) + group + Wire.tag(20, 4) }
            #expect(Self.agree(group), "\(levels) groups")
        }
    }

    @Test func theReceiverHandsOnBatchesWhenAskedTo() async throws {
        let inbox = BatchInbox()
        let receiver = try await OTLPReceiver.start(port: 0, acceptSpans: { inbox.accept($0) })
        var expected: [SpanBatch] = []
        do {
            for name in ["sdk-protobuf", "sdk-json", "sdk-protobuf-gzip"] {
                for request in try ReceiveFixtures.requests(name) {
                    var headers = [("Content-Type", request.contentType)]
                    if let coding = request.contentEncoding { headers.append(("Content-Encoding", coding)) }
                    #expect(try await ReceiverTests.post(receiver.url, request.body, headers: headers).status == 200)
                }
                expected += try ReceiveFixtures.decoded(name).map(SpanBatch.init)
            }
            let bad = try await ReceiverTests.post(receiver.url, [0x0A, 0x05], headers: ReceiverTests.protobuf)
            #expect(bad.status == 400)
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
        #expect(inbox.batches.withLock { $0 } == expected)
        #expect(receiver.counts.spans == expected.reduce(0) { $0 + $1.spanCount })
    }
}

/// A receiver's batches, kept.
final class BatchInbox: Sendable {
    let batches = Mutex<[SpanBatch]>([])

    /// Keeps `batch`.
    func accept(_ batch: SpanBatch) -> Bool {
        batches.withLock { $0.append(batch) }
        return true
    }
}

extension Result {
    /// Whether it is a failure.
    var isFailure: Bool {
        if case .failure = self { true } else { false }
    }
}
