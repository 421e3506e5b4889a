import RunscopeOTLP

/// OTLPBody.decode, protobuf: a body decodes or throws a one-line OTLPDecodeError; a request
/// serialized again decodes to the same request; its runs come out of a TraceAssembler in
/// order (OTLPFuzzCheck). When the first byte is odd, the rest gzip-compressed (`Gzip.compress`,
/// Content-Encoding gzip) decodes as the rest does plain: the same request or the same error.
enum OTLPProtobufFuzz {
    static func run(_ bytes: [UInt8]) {
        if case .success(let request) = OTLPFuzzCheck.decode(bytes, .protobuf) {
            OTLPFuzzCheck.checkRoundTrip(request)
            OTLPFuzzCheck.checkRuns(request)
        }
        guard let first = bytes.first, first & 1 == 1 else { return }
        let rest = Array(bytes.dropFirst())
        guard let compressed = Gzip.compress(rest) else {
            fuzzCheck(false, "zlib refused to compress \(rest.count) bytes")
            return
        }
        let plain = OTLPFuzzCheck.decode(rest, .protobuf)
        let gzipped = OTLPFuzzCheck.decode(compressed, .protobuf, contentEncoding: "gzip")
        fuzzCheck(OTLPFuzzCheck.same(plain, gzipped), "gzipped, \(rest.count) bytes decode otherwise: \(plain) vs \(gzipped)")
    }
}
