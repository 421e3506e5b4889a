/// Protobuf's wire format by hand, for bodies swift-protobuf would not write: unknown
/// fields, groups, bad tags, lengths past the end.
enum Wire {
    /// A varint.
    static func varint(_ value: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
        return out
    }

    /// The tag of field `number` with wire type `wireType`.
    static func tag(_ number: Int, _ wireType: UInt8) -> [UInt8] {
        varint(UInt64(number) << 3 | UInt64(wireType))
    }

    /// A length-delimited field.
    static func field(_ number: Int, _ body: [UInt8]) -> [UInt8] {
        tag(number, 2) + varint(UInt64(body.count)) + body
    }

    /// A request of one resource, one scope and the span whose bytes are `span`.
    static func request(span: [UInt8]) -> [UInt8] {
        field(1, field(2, field(2, span)))
    }
}
