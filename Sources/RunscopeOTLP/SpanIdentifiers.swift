import Foundation

/// OTLP ids made from run ids, so exporting the same runs twice gives the same spans.
///
/// The trace id is the root run's 16 UUID bytes; a span id is the last 8 bytes of the
/// run's UUID. For the UUIDv7 ids runs have, the first 8 bytes are time and a counter
/// (alike for runs started together) and the last 8 are random, so those are the ones
/// that tell runs apart.
public enum SpanIdentifiers {
    /// The 16-byte trace id of a trace whose root run is `root`.
    public static func traceId(_ root: UUID) -> Data {
        withUnsafeBytes(of: root.uuid) { Data($0) }
    }

    /// The 8-byte span id of run `run`.
    public static func spanId(_ run: UUID) -> Data {
        withUnsafeBytes(of: run.uuid) { Data($0[8..<16]) }
    }

    /// Lower-case hex, as OTLP/JSON writes ids.
    public static func hex(_ bytes: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
