import Foundation
import RunscopeOTLP
import RunscopeTestSupport

/// Random `ExportTraceServiceRequest`s built with swift-protobuf (every field the schema
/// has, ids of odd lengths, nested values, text in several scripts), the same for a seed.
struct RandomRequests {
    private var random: SplitMix64

    /// Requests from `seed`.
    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A random request.
    mutating func request() -> OTLPExportRequest {
        var request = OTLPExportRequest()
        request.resourceSpans = (0..<int(0...3)).map { _ in resourceSpans() }
        return request
    }

    /// Random fields of numbers no message here has (every wire type, groups inside groups);
    /// with `known`, also numbers the messages have (1 to 16), with any wire type and any bytes.
    mutating func unknownFields(known: Bool = false) -> [UInt8] {
        (0..<int(1...4)).flatMap { _ in unknownField(depth: 2, known: known) }
    }

    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    private mutating func bool() -> Bool { Bool.random(using: &random) }

    private mutating func resourceSpans() -> OTLPResourceSpans {
        var item = OTLPResourceSpans()
        if bool() {
            item.resource.attributes = attributes(depth: 2)
            item.resource.droppedAttributesCount = UInt32(int(0...3))
        }
        if bool() { item.schemaURL = text() }
        item.scopeSpans = (0..<int(0...3)).map { _ in scopeSpans() }
        return item
    }

    private mutating func scopeSpans() -> OTLPScopeSpans {
        var item = OTLPScopeSpans()
        if bool() {
            item.scope.name = text()
            item.scope.version = text()
            item.scope.attributes = attributes(depth: 1)
        }
        if bool() { item.schemaURL = text() }
        item.spans = (0..<int(0...5)).map { _ in span() }
        return item
    }

    private mutating func span() -> OTLPSpan {
        var span = OTLPSpan()
        span.traceID = id(16)
        span.spanID = id(8)
        span.parentSpanID = id(8)
        if bool() { span.traceState = text() }
        span.name = text()
        span.kind = OTLPSpan.SpanKind(rawValue: int(0...7)) ?? .unspecified
        span.startTimeUnixNano = random.next()
        span.endTimeUnixNano = bool() ? random.next() : span.startTimeUnixNano &+ UInt64(int(0...1_000_000))
        span.attributes = attributes(depth: 3)
        span.droppedAttributesCount = UInt32(int(0...2))
        span.events = (0..<int(0...3)).map { _ in event() }
        span.links = (0..<int(0...2)).map { _ in link() }
        if bool() {
            span.status.code = OTLPStatus.StatusCode(rawValue: int(0...4)) ?? .unset
            span.status.message = text()
        }
        span.flags = UInt32(truncatingIfNeeded: random.next())
        return span
    }

    private mutating func event() -> OTLPSpan.Event {
        var event = OTLPSpan.Event()
        event.name = ["exception", "new_token", text()][int(0...2)]
        event.timeUnixNano = random.next()
        event.attributes = attributes(depth: 1)
        return event
    }

    private mutating func link() -> OTLPSpan.Link {
        var link = OTLPSpan.Link()
        link.traceID = id(16)
        link.spanID = id(8)
        link.traceState = text()
        link.attributes = attributes(depth: 1)
        return link
    }

    /// An id of `size` bytes mostly; sometimes none, another length, or zeros.
    private mutating func id(_ size: Int) -> Data {
        switch int(0...9) {
        case 0: return Data()
        case 1: return Data((0..<int(1...20)).map { _ in UInt8.random(in: 0...255, using: &random) })
        case 2: return Data(count: size)
        default: return Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
    }

    private mutating func attributes(depth: Int) -> [OTLPKeyValue] {
        let keys = ["openinference.span.kind", "input.value", "llm.input_messages.0.message.role", "service.name", "k"]
        return (0..<int(0...6)).map { _ in
            var pair = OTLPKeyValue()
            pair.key = bool() ? keys[int(0...keys.count - 1)] : text()
            if int(0...9) > 0 { pair.value = anyValue(depth: depth) }
            return pair
        }
    }

    private mutating func anyValue(depth: Int) -> OTLPAnyValue {
        var value = OTLPAnyValue()
        switch int(0...(depth > 0 ? 8 : 6)) {
        case 0, 1: value.stringValue = text()
        case 2: value.boolValue = bool()
        case 3: value.intValue = Int64(bitPattern: random.next())
        case 4: value.doubleValue = bool() ? Double(int(-1000...1000)) / 8 : Double(bitPattern: random.next())
        case 5: value.bytesValue = Data((0..<int(0...12)).map { _ in UInt8.random(in: 0...255, using: &random) })
        case 6: break
        case 7:
            var array = Opentelemetry_Proto_Common_V1_ArrayValue()
            array.values = (0..<int(0...4)).map { _ in anyValue(depth: depth - 1) }
            value.arrayValue = array
        default:
            var list = Opentelemetry_Proto_Common_V1_KeyValueList()
            list.values = attributes(depth: depth - 1)
            value.kvlistValue = list
        }
        return value
    }

    /// Text of 0 to 30 characters: ASCII, accents, CJK, emoji.
    private mutating func text() -> String {
        let pieces = ["a", "Z", "0", ".", " ", "\"", "é", "ß", "日本", "🐻", "\u{0}", "{", "]"]
        return (0..<int(0...30)).map { _ in pieces[int(0...pieces.count - 1)] }.joined()
    }

    private mutating func unknownField(depth: Int, known: Bool) -> [UInt8] {
        let number = known && bool() ? int(1...16) : int(17...100_000)
        switch int(0...(depth > 0 ? 4 : 3)) {
        case 0: return Wire.tag(number, 0) + Wire.varint(random.next() >> UInt64(int(0...63)))
        case 1: return Wire.tag(number, 1) + (0..<8).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 2: return Wire.tag(number, 5) + (0..<4).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 3: return Wire.field(number, (0..<int(0...10)).map { _ in UInt8.random(in: 0...255, using: &random) })
        default:
            let inner = (0..<int(0...3)).flatMap { _ in unknownField(depth: depth - 1, known: known) }
            return Wire.tag(number, 3) + inner + Wire.tag(number, 4)
        }
    }
}
