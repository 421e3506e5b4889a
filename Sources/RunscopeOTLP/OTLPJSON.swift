import Foundation
import RunscopeCore

/// OTLP/JSON: the proto3 JSON mapping with OTLP's exceptions (ids as hex, enums as
/// integers, 64-bit integers as decimal strings), written through runscope's own JSON.
public enum OTLPJSON {
    /// The request as JSON text.
    public static func encode(_ request: OTLPExportRequest) -> String {
        let value: Value = ["resourceSpans": .array(request.resourceSpans.map(resourceSpans))]
        return value.compactJSON()
    }

    private static func resourceSpans(_ item: OTLPResourceSpans) -> Value {
        [
            "resource": ["attributes": attributes(item.resource.attributes)],
            "scopeSpans": .array(item.scopeSpans.map { scope in
                ["scope": ["name": .string(scope.scope.name), "version": .string(scope.scope.version)],
                 "spans": .array(scope.spans.map(span))]
            }),
        ]
    }

    private static func span(_ span: OTLPSpan) -> Value {
        var object: ValueObject = [
            "traceId": .string(SpanIdentifiers.hex(span.traceID)), "spanId": .string(SpanIdentifiers.hex(span.spanID)),
        ]
        if !span.parentSpanID.isEmpty { object["parentSpanId"] = .string(SpanIdentifiers.hex(span.parentSpanID)) }
        object["name"] = .string(span.name)
        object["kind"] = .int(span.kind.rawValue)
        object["startTimeUnixNano"] = .string(String(span.startTimeUnixNano))
        object["endTimeUnixNano"] = .string(String(span.endTimeUnixNano))
        object["attributes"] = attributes(span.attributes)
        object["events"] = .array(span.events.map { event in
            ["timeUnixNano": .string(String(event.timeUnixNano)), "name": .string(event.name), "attributes": attributes(event.attributes)]
        })
        object["status"] = ["code": .int(span.status.code.rawValue), "message": .string(span.status.message)]
        return .object(object)
    }

    private static func attributes(_ pairs: [OTLPKeyValue]) -> Value {
        .array(pairs.map { ["key": .string($0.key), "value": value($0.value)] })
    }

    private static func value(_ value: OTLPAnyValue) -> Value {
        switch value.value {
        case .stringValue(let text): return ["stringValue": .string(text)]
        case .boolValue(let flag): return ["boolValue": .bool(flag)]
        case .intValue(let number): return ["intValue": .string(String(number))]
        case .doubleValue(let number): return ["doubleValue": .double(number)]
        case .arrayValue(let array): return ["arrayValue": ["values": .array(array.values.map(self.value))]]
        case .kvlistValue(let list): return ["kvlistValue": ["values": attributes(list.values)]]
        case .bytesValue(let bytes): return ["bytesValue": .string(bytes.base64EncodedString())]
        case nil: return [:]
        }
    }
}
