import Foundation
import SwiftProtobuf

/// A received `POST /v1/traces` body: its encoding (protobuf or JSON) and compression,
/// and reading it into a request within the receiver's size limit.
public enum OTLPBody {
    /// The largest body the receiver reads, on the wire and inflated: 20 MiB, as collectors use.
    public static let limit = 20 << 20

    /// How a body is encoded, from its `Content-Type`.
    public enum Encoding: Sendable, Equatable {
        case protobuf
        case json

        /// `application/x-protobuf` (also `application/protobuf`) or `application/json`,
        /// parameters such as `; charset=utf-8` aside; `nil` for anything else.
        public init?(contentType: String?) {
            let type = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            switch type {
            case "application/x-protobuf", "application/protobuf": self = .protobuf
            case "application/json": self = .json
            default: return nil
            }
        }

        /// The `Content-Type` of an answer in this encoding.
        public var contentType: String {
            self == .protobuf ? "application/x-protobuf" : "application/json"
        }
    }

    /// The request in `bytes`, inflated first when `contentEncoding` is gzip. Errors say
    /// what is wrong in a line (`tooLarge` set when it inflates past the limit).
    public static func decode(
        _ bytes: [UInt8], encoding: Encoding, contentEncoding: String?, limit: Int = limit
    ) throws(OTLPDecodeError) -> OTLPExportRequest {
        let plain = try inflate(bytes, contentEncoding: contentEncoding, limit: limit)
        switch encoding {
        case .json:
            return try OTLPJSONDecoder.decode(plain)
        case .protobuf:
            do {
                return try OTLPExportRequest(serializedBytes: plain)
            } catch {
                throw OTLPDecodeError("not an OTLP ExportTraceServiceRequest in protobuf (\(plain.count) bytes): \(error)")
            }
        }
    }

    /// The spans of the request in `bytes` as the translator reads them, inflated first when
    /// `contentEncoding` is gzip: protobuf read straight from the bytes (`SpanBatchReader`),
    /// JSON through `OTLPJSONDecoder`. Errors as `decode`'s, naming the field that is wrong.
    public static func batch(
        _ bytes: [UInt8], encoding: Encoding, contentEncoding: String?, limit: Int = limit
    ) throws(OTLPDecodeError) -> SpanBatch {
        let plain = try inflate(bytes, contentEncoding: contentEncoding, limit: limit)
        switch encoding {
        case .json: return SpanBatch(try OTLPJSONDecoder.decode(plain))
        case .protobuf: return try SpanBatchReader.read(plain)
        }
    }

    /// The body without its content encoding (gzip or none).
    static func inflate(_ bytes: [UInt8], contentEncoding: String?, limit: Int) throws(OTLPDecodeError) -> [UInt8] {
        let coding = (contentEncoding ?? "identity").trimmingCharacters(in: .whitespaces).lowercased()
        switch coding {
        case "", "identity":
            return bytes
        case "gzip", "x-gzip":
            do {
                return try Gzip.decompress(bytes, limit: limit)
            } catch {
                switch error {
                case .tooLarge(let limit): throw OTLPDecodeError("the gzip body inflates to more than \(limit >> 20) MiB", tooLarge: true)
                case .damaged(let reason): throw OTLPDecodeError("the body is not valid gzip: \(reason)")
                }
            }
        default:
            throw OTLPDecodeError("Content-Encoding \(coding) is not supported (gzip or none)")
        }
    }
}
