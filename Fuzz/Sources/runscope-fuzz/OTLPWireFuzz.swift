import RunscopeOTLP

/// OTLPBody.batch, protobuf (the direct reader, `SpanBatchReader`) against swift-protobuf
/// (OTLPBody.decode): a body both take reads to the same batch; a body one refuses the other
/// refuses too, with a one-line error; the batch's runs come out of a TraceAssembler in
/// order (OTLPFuzzCheck).
enum OTLPWireFuzz {
    static func run(_ bytes: [UInt8]) {
        let direct = OTLPFuzzCheck.batch(bytes)
        let generated = OTLPFuzzCheck.decode(bytes, .protobuf)
        switch (direct, generated) {
        case let (.success(batch), .success(request)):
            fuzzCheck(batch == SpanBatch(request), "\(bytes.count) bytes: the direct reader's batch is not swift-protobuf's")
            OTLPFuzzCheck.checkRuns(batch)
        case (.failure, .failure):
            break
        case (.success, .failure(let error)):
            fuzzCheck(false, "\(bytes.count) bytes: the direct reader took a body swift-protobuf refused (\(error))")
        case (.failure(let error), .success):
            fuzzCheck(false, "\(bytes.count) bytes: the direct reader refused a body swift-protobuf took (\(error))")
        }
    }
}
