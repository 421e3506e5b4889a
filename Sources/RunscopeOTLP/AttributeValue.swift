import Foundation

/// An attribute's value as received (OTLP's `AnyValue`), without a generated message:
/// what `SpanAttributes` reads. Read straight from a protobuf body (`SpanBatchReader`) or
/// taken from a decoded `AnyValue` (JSON bodies, requests built in code).
public enum AttributeValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case bytes(Data)
    case array([AttributeValue])
    case kvlist([Attribute])
    /// An `AnyValue` with no value set.
    case empty

    /// The value of a decoded `AnyValue`.
    public init(_ value: OTLPAnyValue) {
        switch value.value {
        case .stringValue(let text): self = .string(text)
        case .boolValue(let flag): self = .bool(flag)
        case .intValue(let number): self = .int(number)
        case .doubleValue(let number): self = .double(number)
        case .bytesValue(let bytes): self = .bytes(bytes)
        case .arrayValue(let array): self = .array(array.values.map(AttributeValue.init))
        case .kvlistValue(let list): self = .kvlist(list.values.map(Attribute.init))
        case nil: self = .empty
        }
    }

    /// Equal values; doubles compare by their bits, so a NaN equals the same NaN.
    public static func == (lhs: AttributeValue, rhs: AttributeValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a.bitPattern == b.bitPattern
        case let (.bytes(a), .bytes(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.kvlist(a), .kvlist(b)): a == b
        case (.empty, .empty): true
        default: false
        }
    }
}
