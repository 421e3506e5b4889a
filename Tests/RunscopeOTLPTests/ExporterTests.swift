import Foundation
import RunscopeCore
import RunscopeOTLP
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ExporterTests {
    /// A loopback port nothing listens on: bound, read, and closed again.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func aBackendThatIsDownCostsTheChainOneWarning() async throws {
        var configuration = OTLPConfiguration(endpoint: "http://127.0.0.1:\(try Self.closedPort())/v1/traces")
        configuration.initialBackoff = 0.1
        let exporter = OTLPExporter(configuration: configuration)
        let chain = try ChatPromptTemplate.fromTemplate("Say {word}") | GenericFakeChatModel(responses: ["ok then"], tokenDelay: 0)
            | StrOutputParser()
        let output = try await chain.invoke(["word": "hi"], config: RunConfig(callbacks: [exporter]))
        #expect(output == "ok then")
        let started = Date()
        let report = exporter.close()
        #expect(Date().timeIntervalSince(started) < 8, "close gives up well before its 10 s deadline")
        #expect(report.warnings.count == 1, "\(report.warnings)")
        #expect(report.warnings.first?.contains("4 spans not exported") == true, "\(report.warnings)")
        #expect(report.failed == 4)
        #expect(report.exported == 0)
        #expect(exporter.close().warnings == report.warnings, "a second close says the same")
    }

    @Test func whatTheQueueCannotHoldIsDroppedCountedAndReported() throws {
        var configuration = OTLPConfiguration(endpoint: "http://127.0.0.1:\(try Self.closedPort())/v1/traces")
        configuration.queueCapacity = 0
        let exporter = OTLPExporter(configuration: configuration)
        try exporter.onChainStart(SpanFixtures.root, inputs: "x")
        try exporter.onLLMNewToken(SpanFixtures.model, token: "x", chunk: nil)
        try exporter.onChainEnd(SpanFixtures.root, outputs: "y", inputs: nil)
        let report = exporter.close()
        #expect(report.dropped == 3)
        #expect(report.warnings == ["otlp: 3 events dropped (the export queue was full)"])
        try exporter.onChainStart(SpanFixtures.root, inputs: "after close")
        #expect(exporter.close().dropped == 3, "later calls return the first report")
    }
}
