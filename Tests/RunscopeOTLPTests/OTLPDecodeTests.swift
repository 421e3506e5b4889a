import Foundation
import RunscopeCore
import RunscopeOTLP
import Testing

/// Reading bodies: gzip, JSON's forms, and errors that say where the body is wrong.
@Suite struct OTLPDecodeTests {
    @Test func gzipInflatesAndRefusesBombsAndDamage() throws {
        let text = Array(String(repeating: "spans ", count: 10_000).utf8)
        let zipped = try #require(Gzip.compress(text))
        #expect(try Gzip.decompress(zipped, limit: text.count) == text)
        // Two members are one body.
        #expect(try Gzip.decompress(zipped + zipped, limit: 2 * text.count) == text + text)
        #expect(throws: Gzip.InflateError.tooLarge(limit: text.count - 1)) { try Gzip.decompress(zipped, limit: text.count - 1) }
        #expect(throws: Gzip.InflateError.self) { try Gzip.decompress(Array(zipped.prefix(zipped.count / 2)), limit: 1 << 20) }
        #expect(throws: Gzip.InflateError.self) { try Gzip.decompress(Array("not gzip".utf8), limit: 1 << 20) }
    }

    @Test func jsonAcceptsSnakeCaseEnumNamesAndNumbersAsTheProtoMappingAllows() throws {
        let body = #"""
            {"resource_spans": [{"scope_spans": [{"spans": [{
              "trace_id": "0102030405060708090A0B0C0D0E0F10", "span_id": "0102030405060708",
              "name": "s", "kind": "SPAN_KIND_CLIENT", "start_time_unix_nano": 1000, "endTimeUnixNano": "2000",
              "attributes": [{"key": "n", "value": {"intValue": 5}}, {"key": "l", "value": {"arrayValue": {"values": [{"stringValue": "x"}]}}}],
              "status": {"code": "STATUS_CODE_ERROR", "message": "m"}}]}]}]}
            """#
        let request = try OTLPJSONDecoder.decode(Array(body.utf8))
        let span = try #require(request.resourceSpans.first?.scopeSpans.first?.spans.first)
        #expect(span.traceID == Data((1...16).map { UInt8($0) }))
        #expect(span.kind == .client)
        #expect(span.startTimeUnixNano == 1000 && span.endTimeUnixNano == 2000)
        #expect(span.attributes.first?.value.intValue == 5)
        #expect(span.attributes.last?.value.arrayValue.values.first?.stringValue == "x")
        #expect(span.status.code == .error)
    }

    @Test(arguments: [
        (#"{"resourceSpans": 3}"#, "resourceSpans: expected an array"),
        (#"{"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "xyz"}]}]}]}"#, "resourceSpans[0].scopeSpans[0].spans[0].traceId: expected 32 hex digits"),
        (#"{"resourceSpans": [{"scopeSpans": [{"spans": [{"startTimeUnixNano": "-1"}]}]}]}"#, "spans[0].startTimeUnixNano: expected an unsigned integer"),
        (#"{"resourceSpans": [{"scopeSpans": [{"spans": [{"attributes": [{"key": "k", "value": {"boolValue": 1}}]}]}]}]}"#, "attributes[0].value.boolValue: not true or false"),
        ("{\"resourceSpans\": [", "not JSON: line 1"),
    ])
    func badJSONSaysWhere(body: String, says: String) {
        #expect {
            try OTLPJSONDecoder.decode(Array(body.utf8))
        } throws: { error in
            (error as? OTLPDecodeError)?.message.contains(says) == true
        }
    }

    @Test func badBodiesSayWhatIsWrong() {
        #expect { try OTLPBody.decode([0xFF, 0xFF, 0xFF], encoding: .protobuf, contentEncoding: nil) } throws: { error in
            (error as? OTLPDecodeError)?.message.hasPrefix("not an OTLP ExportTraceServiceRequest in protobuf") == true
        }
        #expect { try OTLPBody.decode([1, 2], encoding: .protobuf, contentEncoding: "br") } throws: { error in
            (error as? OTLPDecodeError)?.message.contains("Content-Encoding br is not supported") == true
        }
        let bomb = Gzip.compress([UInt8](repeating: 0, count: 2 << 20))!
        #expect { try OTLPBody.decode(bomb, encoding: .protobuf, contentEncoding: "gzip", limit: 1 << 20) } throws: { error in
            (error as? OTLPDecodeError)?.tooLarge == true
        }
    }

    @Test func contentTypesAreReadWithTheirParameters() {
        #expect(OTLPBody.Encoding(contentType: "application/x-protobuf") == .protobuf)
        #expect(OTLPBody.Encoding(contentType: "Application/JSON; charset=utf-8") == .json)
        #expect(OTLPBody.Encoding(contentType: "text/plain") == nil)
        #expect(OTLPBody.Encoding(contentType: nil) == nil)
    }
}
