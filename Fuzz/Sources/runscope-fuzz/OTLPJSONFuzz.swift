import RunscopeOTLP

/// OTLPBody.decode, JSON (OTLPJSONDecoder): a body decodes or throws a one-line
/// OTLPDecodeError, the same twice; a request it reads serializes to protobuf that decodes to
/// the same request; its runs come out of a TraceAssembler in order (OTLPFuzzCheck).
enum OTLPJSONFuzz {
    static func run(_ bytes: [UInt8]) {
        let first = OTLPFuzzCheck.decode(bytes, .json)
        let second = OTLPFuzzCheck.decode(bytes, .json)
        fuzzCheck(OTLPFuzzCheck.same(first, second), "decoding the same body twice gave \(first) then \(second)")
        guard case .success(let request) = first else { return }
        OTLPFuzzCheck.checkRoundTrip(request)
        OTLPFuzzCheck.checkRuns(request)
    }
}
