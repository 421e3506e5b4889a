import Foundation
import RunscopeCore
import RunscopeOTLP
import SwiftProtobuf
import Testing

@Suite struct EncodingTests {
    static func request() -> OTLPExportRequest {
        var configuration = OTLPConfiguration()
        configuration.serviceName = "joke-service"
        return SpanBatcher(configuration: configuration).request(SpanFixtures.records().map { SpanMapper.span($0) })
    }

    @Test func theProtobufBodyDecodesBackWithTheGeneratedTypes() throws {
        let request = Self.request()
        let bytes: [UInt8] = try request.serializedBytes()
        let decoded = try OTLPExportRequest(serializedBytes: bytes)
        #expect(decoded == request)
        let resource = try #require(decoded.resourceSpans.first?.resource)
        #expect(resource.attributes.string("service.name") == "joke-service")
        #expect(resource.attributes.string("openinference.project.name") == "joke-service")
        let scope = try #require(decoded.resourceSpans.first?.scopeSpans.first)
        #expect(scope.scope.name == "runscope")
        #expect(scope.spans.map(\.name) == ["ChatOpenAI", "calculator", "RunnableSequence"])
    }

    @Test func theJSONBodyHasHexIdsIntegerEnumsAndStringNanos() throws {
        let request = Self.request()
        let json = try JSONParser.parse(OTLPJSON.encode(request))
        let spans = try #require(json["resourceSpans"]?.arrayValue?.first?["scopeSpans"]?.arrayValue?.first?["spans"]?.arrayValue)
        try #require(spans.count == 3)
        let tool = spans[1]
        let hexRoot = SpanFixtures.root.runId.uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        #expect(tool["traceId"]?.stringValue == hexRoot)
        #expect(tool["parentSpanId"]?.stringValue == String(hexRoot.suffix(16)))
        #expect(tool["spanId"]?.stringValue?.count == 16)
        #expect(tool["kind"] == .int(1))
        #expect(tool["status"]?["code"] == .int(2))
        #expect(tool["startTimeUnixNano"]?.stringValue == String(SpanMapper.nanos(SpanFixtures.at(70))))
        let model = spans[0]
        let usage = model["attributes"]?.arrayValue?.first { $0["key"] == "llm.token_count.total" }
        #expect(usage?["value"]?["intValue"] == "15")
        #expect(spans[2]["parentSpanId"] == nil, "the root has no parent")
    }

    @Test func gzipBodiesAreRealGzip() throws {
        let text = Array(String(repeating: "runscope otlp ", count: 500).utf8)
        let compressed = try #require(Gzip.compress(text))
        #expect(compressed.count < text.count / 10)
        #expect(compressed.prefix(2) == [0x1f, 0x8b])
        #expect(try Self.gunzip(compressed) == text)
        #expect(try Self.gunzip(try #require(Gzip.compress([]))) == [])
    }

    /// `gzip -d` (the real tool) of `bytes`.
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-otlp-\(UUID()).gz")
        try Data(bytes).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return Array(data)
    }
}
