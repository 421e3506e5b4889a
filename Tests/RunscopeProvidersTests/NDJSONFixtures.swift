import Testing

/// A named NDJSON byte stream with the lines it must produce however it is chunked.
struct NDJSONFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let expectedLines: [String]

    var testDescription: String { name }
}

/// Inline Ollama-style fixtures.
enum NDJSONFixtures {
    static let ollamaLines = [
        #"{"model":"llama3","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":"The"},"done":false}"#,
        #"{"model":"llama3","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":" 你好"},"done":false}"#,
        #"{"model":"llama3","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":" 🙂 café\r"},"done":false}"#,
        #"{"model":"llama3","created_at":"2024-01-01T00:00:01Z","message":{"role":"assistant","content":""},"done":true,"total_duration":123}"#,
    ]

    static let lf = StreamParserTestSupport.bytes(ollamaLines.joined(separator: "\n") + "\n")
    static let lfNoFinalNewline = StreamParserTestSupport.bytes(ollamaLines.joined(separator: "\n"))
    static let crlf = StreamParserTestSupport.withCRLF(lf)
    static let crlfNoFinalNewline = StreamParserTestSupport.withCRLF(lfNoFinalNewline)
    static let withBlankLines = StreamParserTestSupport.bytes(
        "\n \n\t\r\n" + ollamaLines[0] + "\r\n\r\n  \r\n" + ollamaLines[1] + "\n\n" + ollamaLines[3] + "\r\n \t"
    )

    static let all: [NDJSONFixture] = [
        NDJSONFixture(name: "LF, final newline", bytes: lf, expectedLines: ollamaLines),
        NDJSONFixture(name: "LF, no final newline", bytes: lfNoFinalNewline, expectedLines: ollamaLines),
        NDJSONFixture(name: "CRLF, final newline", bytes: crlf, expectedLines: ollamaLines),
        NDJSONFixture(name: "CRLF, no final newline", bytes: crlfNoFinalNewline, expectedLines: ollamaLines),
        NDJSONFixture(name: "CRLF, final CR only", bytes: crlfNoFinalNewline + [0x0D], expectedLines: ollamaLines),
        NDJSONFixture(name: "blank lines", bytes: withBlankLines, expectedLines: [ollamaLines[0], ollamaLines[1], ollamaLines[3]]),
    ]
}
