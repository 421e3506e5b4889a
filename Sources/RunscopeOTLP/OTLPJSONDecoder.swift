import Foundation
import RunscopeCore

/// Reads an OTLP/JSON `ExportTraceServiceRequest`: the proto3 JSON mapping with OTLP's
/// exceptions (ids as hex, enums as integers; 64-bit integers as strings or numbers).
/// Field names may be lowerCamelCase or the proto's snake_case; unknown fields are
/// skipped. A wrong shape is an error that says where it is (`resourceSpans[0].…`).
public enum OTLPJSONDecoder {
    /// The request in `bytes`, or an error naming the place that is wrong.
    public static func decode(_ bytes: [UInt8]) throws(OTLPDecodeError) -> OTLPExportRequest {
        let value: Value
        do {
            value = try JSONParser.parse(bytes: bytes, maxDepth: 64)
        } catch {
            throw OTLPDecodeError("not JSON: \(error.description)")
        }
        let root = try object(value, at: "the body")
        var request = OTLPExportRequest()
        request.resourceSpans = try elements(root, "resourceSpans", "resource_spans", at: "", resourceSpans)
        return request
    }

    private static func resourceSpans(_ value: Value, at path: String) throws(OTLPDecodeError) -> OTLPResourceSpans {
        let item = try object(value, at: path)
        var result = OTLPResourceSpans()
        if let resource = field(item, "resource") {
            let resourceObject = try object(resource, at: path + ".resource")
            result.resource.attributes = try attributes(resourceObject, at: path + ".resource")
            result.resource.droppedAttributesCount = try count(resourceObject, "droppedAttributesCount", "dropped_attributes_count", at: path + ".resource")
        }
        result.schemaURL = try string(item, "schemaUrl", snake: "schema_url", at: path) ?? ""
        result.scopeSpans = try elements(item, "scopeSpans", "scope_spans", at: path, scopeSpans)
        return result
    }

    private static func scopeSpans(_ value: Value, at path: String) throws(OTLPDecodeError) -> OTLPScopeSpans {
        let item = try object(value, at: path)
        var result = OTLPScopeSpans()
        if let scope = field(item, "scope") {
            let scopeObject = try object(scope, at: path + ".scope")
            result.scope.name = try string(scopeObject, "name", at: path + ".scope") ?? ""
            result.scope.version = try string(scopeObject, "version", at: path + ".scope") ?? ""
            result.scope.attributes = try attributes(scopeObject, at: path + ".scope")
        }
        result.schemaURL = try string(item, "schemaUrl", snake: "schema_url", at: path) ?? ""
        result.spans = try elements(item, "spans", "spans", at: path, span)
        return result
    }

    private static func span(_ value: Value, at path: String) throws(OTLPDecodeError) -> OTLPSpan {
        let item = try object(value, at: path)
        var span = OTLPSpan()
        span.traceID = try id(item, "traceId", "trace_id", bytes: 16, at: path) ?? Data()
        span.spanID = try id(item, "spanId", "span_id", bytes: 8, at: path) ?? Data()
        span.parentSpanID = try id(item, "parentSpanId", "parent_span_id", bytes: 8, at: path) ?? Data()
        span.traceState = try string(item, "traceState", snake: "trace_state", at: path) ?? ""
        span.flags = try count(item, "flags", "flags", at: path)
        span.name = try string(item, "name", at: path) ?? ""
        span.kind = OTLPSpan.SpanKind(rawValue: try enumeration(item, "kind", names: spanKinds, at: path)) ?? .unspecified
        span.startTimeUnixNano = try integer(item, "startTimeUnixNano", "start_time_unix_nano", at: path) ?? 0
        span.endTimeUnixNano = try integer(item, "endTimeUnixNano", "end_time_unix_nano", at: path) ?? 0
        span.attributes = try attributes(item, at: path)
        span.events = try elements(item, "events", "events", at: path, event)
        span.links = try elements(item, "links", "links", at: path, link)
        span.droppedAttributesCount = try count(item, "droppedAttributesCount", "dropped_attributes_count", at: path)
        span.droppedEventsCount = try count(item, "droppedEventsCount", "dropped_events_count", at: path)
        span.droppedLinksCount = try count(item, "droppedLinksCount", "dropped_links_count", at: path)
        if let statusValue = field(item, "status") {
            let statusObject = try object(statusValue, at: path + ".status")
            span.status.message = try string(statusObject, "message", at: path + ".status") ?? ""
            let code = try enumeration(statusObject, "code", names: statusCodes, at: path + ".status")
            span.status.code = OTLPStatus.StatusCode(rawValue: code) ?? .unset
        }
        return span
    }

    private static func event(_ value: Value, at path: String) throws(OTLPDecodeError) -> OTLPSpan.Event {
        let item = try object(value, at: path)
        var event = OTLPSpan.Event()
        event.name = try string(item, "name", at: path) ?? ""
        event.timeUnixNano = try integer(item, "timeUnixNano", "time_unix_nano", at: path) ?? 0
        event.attributes = try attributes(item, at: path)
        event.droppedAttributesCount = try count(item, "droppedAttributesCount", "dropped_attributes_count", at: path)
        return event
    }

    private static func link(_ value: Value, at path: String) throws(OTLPDecodeError) -> OTLPSpan.Link {
        let item = try object(value, at: path)
        var link = OTLPSpan.Link()
        link.traceID = try id(item, "traceId", "trace_id", bytes: 16, at: path) ?? Data()
        link.spanID = try id(item, "spanId", "span_id", bytes: 8, at: path) ?? Data()
        link.traceState = try string(item, "traceState", snake: "trace_state", at: path) ?? ""
        link.attributes = try attributes(item, at: path)
        link.droppedAttributesCount = try count(item, "droppedAttributesCount", "dropped_attributes_count", at: path)
        link.flags = try count(item, "flags", "flags", at: path)
        return link
    }

    /// A 32-bit unsigned field (flags, dropped counts).
    private static func count(_ item: ValueObject, _ camel: String, _ snake: String, at path: String) throws(OTLPDecodeError) -> UInt32 {
        guard let number = try integer(item, camel, snake, at: path) else { return 0 }
        guard let small = UInt32(exactly: number) else { throw OTLPDecodeError("\(dotted(path, camel)): \(number) is over 32 bits") }
        return small
    }

    private static func attributes(_ item: ValueObject, at path: String) throws(OTLPDecodeError) -> [OTLPKeyValue] {
        try elements(item, "attributes", "attributes", at: path, keyValue)
    }

    private static func keyValue(_ value: Value, at path: String) throws(OTLPDecodeError) -> OTLPKeyValue {
        let pair = try object(value, at: path)
        var result = OTLPKeyValue()
        result.key = try string(pair, "key", at: path) ?? ""
        if let inner = field(pair, "value") { result.value = try anyValue(inner, at: path + ".value") }
        return result
    }

    private static func anyValue(_ value: Value, at path: String) throws(OTLPDecodeError) -> OTLPAnyValue {
        let item = try object(value, at: path)
        var result = OTLPAnyValue()
        if let text = field(item, "stringValue", "string_value") {
            guard let text = text.stringValue else { throw OTLPDecodeError("\(path).stringValue: not a string") }
            result.stringValue = text
        } else if let flag = field(item, "boolValue", "bool_value") {
            guard case .bool(let flag) = flag else { throw OTLPDecodeError("\(path).boolValue: not true or false") }
            result.boolValue = flag
        } else if field(item, "intValue", "int_value") != nil {
            result.intValue = try signed(item, "intValue", "int_value", at: path) ?? 0
        } else if let number = field(item, "doubleValue", "double_value") {
            guard let number = number.doubleValue ?? number.stringValue.flatMap(Double.init) else {
                throw OTLPDecodeError("\(path).doubleValue: not a number")
            }
            result.doubleValue = number
        } else if let list = field(item, "arrayValue", "array_value") {
            var array = Opentelemetry_Proto_Common_V1_ArrayValue()
            let listObject = try object(list, at: path + ".arrayValue")
            array.values = try elements(listObject, "values", "values", at: path + ".arrayValue", anyValue)
            result.arrayValue = array
        } else if let list = field(item, "kvlistValue", "kvlist_value") {
            var pairs = Opentelemetry_Proto_Common_V1_KeyValueList()
            let listObject = try object(list, at: path + ".kvlistValue")
            pairs.values = try elements(listObject, "values", "values", at: path + ".kvlistValue", keyValue)
            result.kvlistValue = pairs
        } else if let bytes = field(item, "bytesValue", "bytes_value") {
            guard let text = bytes.stringValue, let data = Data(base64Encoded: text) else {
                throw OTLPDecodeError("\(path).bytesValue: not base64")
            }
            result.bytesValue = data
        }
        return result
    }

    // MARK: Fields

    private static func field(_ item: ValueObject, _ camel: String, _ snake: String? = nil) -> Value? {
        if let value = item[camel], !value.isNull { return value }
        if let snake, let value = item[snake], !value.isNull { return value }
        return nil
    }

    private static func object(_ value: Value, at path: String) throws(OTLPDecodeError) -> ValueObject {
        guard let object = value.objectValue else { throw OTLPDecodeError("\(path): expected an object, found \(value.kindName)") }
        return object
    }

    private static func array(_ item: ValueObject, _ camel: String, _ snake: String, at path: String) throws(OTLPDecodeError) -> [Value] {
        guard let value = field(item, camel, snake) else { return [] }
        guard let array = value.arrayValue else { throw OTLPDecodeError("\(dotted(path, camel)): expected an array, found \(value.kindName)") }
        return array
    }

    /// Each element of the array field, decoded at its place (`spans[3]`); none when the field is absent.
    private static func elements<T>(
        _ item: ValueObject, _ camel: String, _ snake: String, at path: String,
        _ decode: (Value, String) throws(OTLPDecodeError) -> T
    ) throws(OTLPDecodeError) -> [T] {
        var result: [T] = []
        for (index, element) in try array(item, camel, snake, at: path).enumerated() {
            result.append(try decode(element, "\(dotted(path, camel))[\(index)]"))
        }
        return result
    }

    private static func string(_ item: ValueObject, _ name: String, snake: String? = nil, at path: String) throws(OTLPDecodeError) -> String? {
        guard let value = field(item, name, snake) else { return nil }
        guard let text = value.stringValue else { throw OTLPDecodeError("\(dotted(path, name)): expected a string, found \(value.kindName)") }
        return text
    }

    private static let spanKinds = [
        "SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER",
        "SPAN_KIND_CONSUMER",
    ]
    private static let statusCodes = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"]

    /// An enum: an integer as OTLP/JSON writes it, or its proto name as the plain proto3 mapping does.
    private static func enumeration(_ item: ValueObject, _ name: String, names: [String], at path: String) throws(OTLPDecodeError) -> Int {
        if let text = field(item, name)?.stringValue, let index = names.firstIndex(of: text) { return index }
        return Int(try integer(item, name, name, at: path) ?? 0)
    }

    /// An unsigned 64-bit integer, written as a decimal string or a JSON number.
    private static func integer(_ item: ValueObject, _ camel: String, _ snake: String, at path: String) throws(OTLPDecodeError) -> UInt64? {
        guard let value = field(item, camel, snake) else { return nil }
        switch value {
        case .int(let number) where number >= 0: return UInt64(number)
        case .double(let number) where number >= 0 && number < 1.8e19 && number.rounded() == number: return UInt64(number)
        case .string(let text): if let number = UInt64(text) { return number }
        default: break
        }
        throw OTLPDecodeError("\(dotted(path, camel)): expected an unsigned integer, found \(value.compactJSON())")
    }

    private static func signed(_ item: ValueObject, _ camel: String, _ snake: String, at path: String) throws(OTLPDecodeError) -> Int64? {
        guard let value = field(item, camel, snake) else { return nil }
        switch value {
        case .int(let number): return Int64(number)
        case .string(let text): if let number = Int64(text) { return number }
        default: break
        }
        throw OTLPDecodeError("\(dotted(path, camel)): expected an integer, found \(value.compactJSON())")
    }

    /// A trace or span id: `bytes` bytes as hex (OTLP/JSON); an empty string is no id.
    private static func id(_ item: ValueObject, _ camel: String, _ snake: String, bytes: Int, at path: String) throws(OTLPDecodeError) -> Data? {
        guard let value = field(item, camel, snake) else { return nil }
        guard let text = value.stringValue else { throw OTLPDecodeError("\(dotted(path, camel)): expected hex digits, found \(value.kindName)") }
        if text.isEmpty { return nil }
        guard let data = SpanIdentifiers.bytes(hex: text), data.count == bytes else {
            throw OTLPDecodeError("\(dotted(path, camel)): expected \(bytes * 2) hex digits, found \(Value.string(String(text.prefix(40))).compactJSON())")
        }
        return data
    }

    private static func dotted(_ path: String, _ name: String) -> String { path.isEmpty ? name : path + "." + name }
}
