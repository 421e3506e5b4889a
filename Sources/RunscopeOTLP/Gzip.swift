import CZlib

/// Gzip (RFC 1952) with the system zlib: OTLP bodies are sent with `Content-Encoding: gzip`.
public enum Gzip {
    /// `bytes` compressed in one go; `nil` only if zlib refuses (out of memory).
    public static func compress(_ bytes: [UInt8], level: Int32 = Z_DEFAULT_COMPRESSION) -> [UInt8]? {
        var stream = z_stream()
        guard runscope_deflate_init_gzip(&stream, level) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}

extension Gzip {
    /// Why a gzip body could not be inflated.
    public enum InflateError: Error, Sendable, Equatable {
        /// Not gzip, or damaged (zlib's message).
        case damaged(String)
        /// It inflates to more than the limit (a body that is small on the wire but huge inflated).
        case tooLarge(limit: Int)
    }

    /// `bytes` (one or more gzip members) inflated, refusing to grow past `limit` bytes.
    public static func decompress(_ bytes: [UInt8], limit: Int) throws(InflateError) -> [UInt8] {
        var stream = z_stream()
        guard runscope_inflate_init_gzip(&stream) == Z_OK else { throw .damaged("zlib could not start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        var offset = 0
        while true {
            let (status, produced, used) = input.withUnsafeMutableBufferPointer { inBuffer in
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_in = inBuffer.baseAddress.map { $0 + offset }
                    stream.avail_in = uInt(inBuffer.count - offset)
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, outBuffer.count - Int(stream.avail_out), inBuffer.count - offset - Int(stream.avail_in))
                }
            }
            offset += used
            guard output.count + produced <= limit else { throw .tooLarge(limit: limit) }
            output.append(contentsOf: chunk[..<produced])
            switch status {
            case Z_STREAM_END:
                // Another gzip member may follow (concatenated gzip is one body).
                guard offset < input.count else { return output }
                guard inflateReset(&stream) == Z_OK else { throw .damaged("zlib could not go on") }
            case Z_OK:
                if used == 0, produced == 0 { throw .damaged("the gzip stream ends early") }
            case Z_BUF_ERROR:
                throw .damaged("the gzip stream ends early")
            default:
                throw .damaged(stream.msg.map { String(cString: $0) } ?? "not gzip")
            }
        }
    }
}
