import RunscopeCore

/// Builds a span's attributes in order; values that are `nil` are left out.
struct AttributeList {
    private(set) var items: [OTLPKeyValue] = []

    /// Adds a string attribute.
    mutating func set(_ key: String, _ value: String?) {
        guard let value else { return }
        append(key) { $0.stringValue = value }
    }

    /// Adds an integer attribute.
    mutating func set(_ key: String, _ value: Int?) {
        guard let value else { return }
        append(key) { $0.intValue = Int64(value) }
    }

    /// Adds a floating-point attribute.
    mutating func set(_ key: String, _ value: Double?) {
        guard let value else { return }
        append(key) { $0.doubleValue = value }
    }

    /// Adds a boolean attribute.
    mutating func set(_ key: String, _ value: Bool?) {
        guard let value else { return }
        append(key) { $0.boolValue = value }
    }

    /// Adds an array-of-strings attribute (left out when empty).
    mutating func set(_ key: String, strings: [String]) {
        guard !strings.isEmpty else { return }
        append(key) { value in
            var array = Opentelemetry_Proto_Common_V1_ArrayValue()
            array.values = strings.map { text in
                var item = OTLPAnyValue()
                item.stringValue = text
                return item
            }
            value.arrayValue = array
        }
    }

    /// Adds a value as text: a string as it is, anything else as compact JSON, with its
    /// mime type under `mimeKey` (OpenInference's `input.value` / `input.mime_type`).
    mutating func set(_ key: String, text value: Value?, mimeKey: String) {
        guard let value, !value.isNull else { return }
        if let string = value.stringValue {
            set(key, string)
            set(mimeKey, "text/plain")
        } else {
            set(key, value.serialized().compactJSON())
            set(mimeKey, "application/json")
        }
    }

    private mutating func append(_ key: String, _ fill: (inout OTLPAnyValue) -> Void) {
        var pair = OTLPKeyValue()
        pair.key = key
        var value = OTLPAnyValue()
        fill(&value)
        pair.value = value
        items.append(pair)
    }
}
