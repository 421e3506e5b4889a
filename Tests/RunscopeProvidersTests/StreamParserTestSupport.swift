import RunscopeProviders
import RunscopeTestSupport

/// Helpers shared by the stream parser tests: byte construction, line-ending rewriting,
/// and "feed it cut every possible way" harnesses.
enum StreamParserTestSupport {
    /// The UTF-8 bytes of `text`.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Rewrites every LF in `bytes` as CRLF.
    static func withCRLF(_ bytes: [UInt8]) -> [UInt8] {
        bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    }

    /// Rewrites every LF in `bytes` as a lone CR.
    static func withCR(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 == 0x0A ? 0x0D : $0 }
    }

    /// Every way of cutting `bytes` into chunks that the tests check: whole, two chunks at
    /// each boundary (including empty first/last chunk), byte by byte, and seeded random cuts.
    static func chunkings(of bytes: [UInt8]) -> [(label: String, chunks: [ArraySlice<UInt8>])] {
        var result: [(label: String, chunks: [ArraySlice<UInt8>])] = []
        for split in 0...bytes.count {
            result.append(("split at \(split)", [bytes[..<split], bytes[split...]]))
        }
        result.append(("byte by byte", bytes.indices.map { bytes[$0...$0] }))
        var generator = SplitMix64(seed: UInt64(bytes.count))
        for round in 0..<50 {
            result.append(("random cut #\(round)", randomChunks(of: bytes, using: &generator)))
        }
        return result
    }

    /// Cuts `bytes` into chunks of 0–7 bytes (empty chunks included on purpose).
    static func randomChunks(of bytes: [UInt8], using generator: inout SplitMix64) -> [ArraySlice<UInt8>] {
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            let end = Swift.min(bytes.count, start + Int(generator.next() % 8))
            chunks.append(bytes[start..<end])
            start = end
        }
        return chunks
    }
}
