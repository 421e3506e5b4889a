import RunscopeOTLP

/// Gzip: any bytes inflate (within the limit) or throw, never past the limit; the input
/// compressed inflates to itself, also as two members, also with a limit of exactly its
/// size, and one byte under that is too large; cut short, it does not inflate.
enum GzipFuzz {
    static let limit = 1 << 20

    static func run(_ bytes: [UInt8]) {
        switch inflate(bytes, limit: limit) {
        case .success(let inflated): fuzzCheck(inflated.count <= limit, "\(bytes.count) bytes inflated to \(inflated.count), past the limit")
        case .failure(.damaged(let reason)): fuzzCheck(!reason.isEmpty, "a damaged stream without a reason")
        case .failure(.tooLarge(let said)): fuzzCheck(said == limit, "too large for \(said), the limit being \(limit)")
        }
        guard let compressed = Gzip.compress(bytes) else {
            fuzzCheck(false, "zlib refused to compress \(bytes.count) bytes")
            return
        }
        let back = inflate(compressed, limit: limit)
        fuzzCheck(back == .success(bytes), "\(bytes.count) bytes compressed to \(compressed.count) inflate to \(back)")
        let twice = inflate(compressed + compressed, limit: limit)
        fuzzCheck(twice == .success(bytes + bytes), "two members of \(bytes.count) bytes inflate to \(twice)")
        let exact = inflate(compressed, limit: bytes.count)
        fuzzCheck(exact == .success(bytes), "with a limit of exactly \(bytes.count) bytes they inflate to \(exact)")
        if !bytes.isEmpty {
            let under = inflate(compressed, limit: bytes.count - 1)
            fuzzCheck(under == .failure(.tooLarge(limit: bytes.count - 1)), "with a limit one byte under \(bytes.count): \(under)")
        }
        let cut = inflate(Array(compressed.dropLast()), limit: limit)
        if case .success = cut { fuzzCheck(false, "compressed \(bytes.count) bytes, cut short by one, still inflate") }
    }

    private static func inflate(_ bytes: [UInt8], limit: Int) -> Result<[UInt8], Gzip.InflateError> {
        do { return .success(try Gzip.decompress(bytes, limit: limit)) } catch { return .failure(error) }
    }
}
