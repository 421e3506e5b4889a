/// One key and its value, as a span, an event or a resource carries it (OTLP's `KeyValue`).
public struct Attribute: Sendable, Equatable {
    public var key: String
    public var value: AttributeValue

    /// The attribute `key` = `value`.
    public init(key: String, value: AttributeValue) {
        self.key = key
        self.value = value
    }

    /// The attribute of a decoded `KeyValue` (no value: `.empty`).
    public init(_ pair: OTLPKeyValue) {
        key = pair.key
        value = AttributeValue(pair.value)
    }
}
