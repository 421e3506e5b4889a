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

    /// The bytes of lower- or upper-case hex text; `nil` when it is not hex or has an odd length.
    public static func bytes(hex: String) -> Data? {
        let utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out = Data(capacity: utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
