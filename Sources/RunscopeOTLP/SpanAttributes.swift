import Foundation
import RunscopeCore

/// A span's attributes by key, read as the types the conventions give them.
struct SpanAttributes {
    private var values: [String: OTLPAnyValue] = [:]

    /// The attributes of `pairs`; a key given twice keeps its last value.
    init(_ pairs: [OTLPKeyValue]) {
        values.reserveCapacity(pairs.count)
        for pair in pairs { values[pair.key] = pair.value }
    }

    /// Whether some key starts with `prefix`.
    func hasPrefix(_ prefix: String) -> Bool { values.keys.contains { $0.hasPrefix(prefix) } }

    /// A string attribute; numbers and booleans as their text.
    func string(_ key: String) -> String? {
        switch values[key]?.value {
        case .stringValue(let text): return text
        case .intValue(let number): return String(number)
        case .doubleValue(let number): return String(number)
        case .boolValue(let flag): return String(flag)
        default: return nil
        }
    }

    /// An integer attribute; a whole double or a decimal string counts.
    func int(_ key: String) -> Int? {
        switch values[key]?.value {
        case .intValue(let number): return Int(exactly: number)
        case .doubleValue(let number): return number.rounded() == number && abs(number) < 9e15 ? Int(number) : nil
        case .stringValue(let text): return Int(text)
        default: return nil
        }
    }

    /// A list of strings: an array attribute, or a JSON array in a string.
    func strings(_ key: String) -> [String]? {
        switch values[key]?.value {
        case .arrayValue(let array):
            return array.values.compactMap { if case .stringValue(let text) = $0.value { text } else { nil } }
        case .stringValue(let text):
            return (try? JSONParser.parse(text))?.arrayValue?.compactMap(\.stringValue)
        default:
            return nil
        }
    }

    /// The attribute as a runscope value (arrays and key-value lists as JSON arrays and objects).
    func value(_ key: String) -> Value? {
        values[key].map(Self.value)
    }

    /// A JSON object held as a string (`metadata`, `llm.invocation_parameters`) or a key-value list.
    func object(_ key: String) -> ValueObject? {
        switch values[key]?.value {
        case .stringValue(let text): return (try? JSONParser.parse(text))?.objectValue
        case .kvlistValue: return value(key)?.objectValue
        default: return nil
        }
    }

    /// `value` as a runscope value.
    static func value(_ value: OTLPAnyValue) -> Value {
        switch value.value {
        case .stringValue(let text): return .string(text)
        case .boolValue(let flag): return .bool(flag)
        case .intValue(let number): return Int(exactly: number).map(Value.int) ?? .double(Double(number))
        case .doubleValue(let number): return .double(number)
        case .arrayValue(let array): return .array(array.values.map(Self.value))
        case .kvlistValue(let list): return .object(ValueObject(list.values.map { ($0.key, Self.value($0.value)) }))
        case .bytesValue(let bytes): return .string(bytes.base64EncodedString())
        case nil: return .null
        }
    }

    /// Every indexed group under `prefix` (`llm.input_messages.` → N → the keys after `N.`), in index order.
    func groups(_ prefix: String) -> [SpanAttributes] {
        var found: [Int: [OTLPKeyValue]] = [:]
        for (key, value) in values where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            guard let dot = rest.firstIndex(of: "."), let index = Int(rest[..<dot]), index >= 0, index < 100_000 else { continue }
            var pair = OTLPKeyValue()
            pair.key = String(rest[rest.index(after: dot)...])
            pair.value = value
            found[index, default: []].append(pair)
        }
        return found.keys.sorted().map { SpanAttributes(found[$0]!) }
    }
}
