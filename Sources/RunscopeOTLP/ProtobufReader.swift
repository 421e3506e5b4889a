import Foundation

/// Protobuf's wire format read from a buffer: tags, varints, fixed-width numbers and
/// length-delimited fields, each checked against the end of the message it is in. The
/// rules are swift-protobuf's, so both accept the same bodies: varints of at most 10
/// bytes, tags of at most 5, wire types 0 to 5, groups skipped to their matching end, and
/// messages (and groups) at most 100 deep, the outermost counted.
struct ProtobufReader {
    /// A field's number and wire type.
    struct Tag {
        let number: Int
        let wireType: UInt8
    }

    /// What is wrong, at which byte, and in which field (the path is made on the way out).
    struct Failure: Error, CustomStringConvertible {
        var reason: String
        var offset: Int
        /// The fields that lead to it, innermost first.
        var reversedPath: [String] = []

        /// `resourceSpans[0].scopeSpans[0].spans[3].name: not valid UTF-8 (at byte 812)`.
        var description: String {
            let place = reversedPath.reversed().joined(separator: ".")
            return (place.isEmpty ? "" : place + ": ") + "\(reason) (at byte \(offset))"
        }
    }

    /// How deep messages may nest, as swift-protobuf's default `messageDepthLimit`.
    static let depthLimit = 100

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    private var end: Int
    private var depthLeft = depthLimit

    /// A reader of `bytes`, the outermost message.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        end = bytes.count
    }

    /// Reads the outermost message with `read` (which reads fields until `tag()` is `nil`).
    mutating func outermost<T>(_ read: (inout ProtobufReader) throws(Failure) -> T) throws(Failure) -> T {
        try nested(until: end, read)
    }

    /// Reads a length-delimited message with `read`; an error inside names `field`.
    mutating func message<T>(
        _ field: @autoclosure () -> String, _ read: (inout ProtobufReader) throws(Failure) -> T
    ) throws(Failure) -> T {
        try within(field) { (reader: inout ProtobufReader) throws(Failure) in
            let body = try reader.lengthDelimited()
            reader.position = body.lowerBound
            return try reader.nested(until: body.upperBound, read)
        }
    }

    /// The next field's tag; `nil` at the end of the message.
    mutating func tag() throws(Failure) -> Tag? {
        guard position < end else { return nil }
        let first = bytes[position]
        let wireType = first & 7
        guard wireType <= 5 else { throw failure("wire type \(wireType) is not protobuf's") }
        var number = Int(first & 0x7F) >> 3
        var index = 1
        var byte = first
        while byte & 0x80 != 0 {
            guard position + index < end else { throw failure("a tag runs past the end") }
            byte = bytes[position + index]
            guard index < 4 || byte <= 15 else { throw failure("a tag is longer than 5 bytes") }
            number |= Int(byte & 0x7F) << (7 * index - 3)
            index += 1
        }
        guard number != 0 else { throw failure("field number 0") }
        guard wireType != 4 else { throw failure("an end-group tag outside a group") }
        position += index
        return Tag(number: number, wireType: wireType)
    }

    /// A varint (wire type 0).
    mutating func varint() throws(Failure) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw failure("a varint runs past the end") }
            guard shift <= 63 else { throw failure("a varint is longer than 10 bytes") }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) &<< shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// A little-endian 64-bit number (wire type 1).
    mutating func fixed64() throws(Failure) -> UInt64 {
        guard end - position >= 8 else { throw failure("an 8-byte number runs past the end") }
        let value = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
        position += 8
        return UInt64(littleEndian: value)
    }

    /// A length-delimited field's bytes (wire type 2), as offsets into the body.
    mutating func lengthDelimited() throws(Failure) -> Range<Int> {
        let length = try varint()
        guard length <= UInt64(end - position) else {
            throw failure("a field of \(length) bytes runs past the end (\(end - position) left)")
        }
        let start = position
        position += Int(length)
        return start..<position
    }

    /// A string field; an error inside names `field`.
    mutating func string(_ field: @autoclosure () -> String) throws(Failure) -> String {
        let start = position
        let range = try within(field) { (reader: inout ProtobufReader) throws(Failure) in try reader.lengthDelimited() }
        if range.isEmpty { return "" }
        let text = UnsafeBufferPointer(rebasing: bytes[range])
        // ASCII is valid UTF-8 as it is; only other text needs the (slower, generic) check.
        if Self.isASCII(text) { return String(decoding: text, as: UTF8.self) }
        guard let checked = String(validating: text, as: UTF8.self) else {
            throw Failure(reason: "not valid UTF-8", offset: start, reversedPath: [field()])
        }
        return checked
    }

    /// Whether every byte is under 0x80, eight at a time.
    static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(text)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= raw.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            high |= UInt64(raw[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// A bytes field.
    mutating func data() throws(Failure) -> Data {
        Data(UnsafeBufferPointer(rebasing: bytes[try lengthDelimited()]))
    }

    /// A bytes field read as an id.
    mutating func id() throws(Failure) -> ReceivedSpan.ID {
        ReceivedSpan.ID(UnsafeBufferPointer(rebasing: bytes[try lengthDelimited()]))
    }

    /// Skips the field of `tag`: its value checked as swift-protobuf checks an unknown field's.
    mutating func skip(_ tag: Tag) throws(Failure) {
        switch tag.wireType {
        case 0: _ = try varint()
        case 1: _ = try fixed64()
        case 2: _ = try lengthDelimited()
        case 3: try skipGroup(tag.number)
        default:
            guard end - position >= 4 else { throw failure("a 4-byte number runs past the end") }
            position += 4
        }
    }

    /// Runs `body`; an error in it gets `field` added to its path.
    mutating func within<T>(
        _ field: () -> String, _ body: (inout ProtobufReader) throws(Failure) -> T
    ) throws(Failure) -> T {
        do {
            return try body(&self)
        } catch {
            var failure = error
            failure.reversedPath.append(field())
            throw failure
        }
    }

    /// An error at the current byte.
    func failure(_ reason: String) -> Failure {
        Failure(reason: reason, offset: position)
    }

    /// Reads a message that ends at `limit`, one level deeper.
    private mutating func nested<T>(until limit: Int, _ read: (inout ProtobufReader) throws(Failure) -> T) throws(Failure) -> T {
        guard depthLeft > 0 else { throw failure("messages nest deeper than \(Self.depthLimit)") }
        let outerEnd = end
        end = limit
        depthLeft -= 1
        let value = try read(&self)
        depthLeft += 1
        position = limit
        end = outerEnd
        return value
    }

    /// Skips a group's fields up to its end tag (the same field number, wire type 4).
    private mutating func skipGroup(_ number: Int) throws(Failure) {
        guard depthLeft > 0 else { throw failure("groups nest deeper than \(Self.depthLimit)") }
        depthLeft -= 1
        while true {
            guard position < end else { throw failure("group \(number) has no end") }
            let inner = try groupTag()
            if inner.wireType == 4 {
                guard inner.number == number else { throw failure("group \(number) ends with the end of group \(inner.number)") }
                break
            }
            try skip(inner)
        }
        depthLeft += 1
    }

    /// A tag inside a group, read as swift-protobuf reads it there: a varint under 2³² - 1.
    private mutating func groupTag() throws(Failure) -> Tag {
        let start = position
        let value = try varint()
        guard value < UInt64(UInt32.max), value >> 3 != 0, value & 7 <= 5 else {
            position = start
            throw failure("a bad tag in a group")
        }
        return Tag(number: Int(value >> 3), wireType: UInt8(value & 7))
    }
}
