import Foundation
import RunscopeCore

/// A span's attributes by key, read as the types the conventions give them.
///
/// The attributes stay the array they came in, beside a cheap hash of each key: a span has
/// tens of them and is looked up tens of times, where building a dictionary (hashing every
/// key with SipHash, copying every value) cost more than the lookups save.
struct SpanAttributes {
    private let pairs: [Attribute]
    private let hashes: [UInt64]

    /// The attributes of `pairs`; a key given twice keeps its last value.
    init(_ pairs: [Attribute]) {
        self.pairs = pairs
        hashes = pairs.map { Self.hash($0.key) }
    }

    /// Whether some key starts with `prefix`.
    func hasPrefix(_ prefix: String) -> Bool { pairs.contains { $0.key.hasPrefix(prefix) } }

    /// The value of `key`: the last attribute with that key.
    private subscript(key: String) -> AttributeValue? {
        let hash = Self.hash(key)
        var index = hashes.count - 1
        while index >= 0 {
            if hashes[index] == hash, pairs[index].key == key { return pairs[index].value }
            index -= 1
        }
        return nil
    }

    /// A hash of the key's UTF-8, eight bytes at a time (a lookup compares keys only when it matches).
    private static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var hash = 0xCBF2_9CE4_8422_2325 ^ UInt64(raw.count)
            var index = 0
            while index + 8 <= raw.count {
                hash = mix(hash, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            var tail: UInt64 = 0
            while index < raw.count {
                tail = tail << 8 | UInt64(raw[index])
                index += 1
            }
            return mix(hash, tail)
        }
    }

    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 32)
    }

    /// A string attribute; numbers and booleans as their text.
    func string(_ key: String) -> String? {
        switch self[key] {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return String(flag)
        default: return nil
        }
    }

    /// An integer attribute; a whole double or a decimal string counts.
    func int(_ key: String) -> Int? {
        switch self[key] {
        case .int(let number): return Int(exactly: number)
        case .double(let number): return number.rounded() == number && abs(number) < 9e15 ? Int(number) : nil
        case .string(let text): return Int(text)
        default: return nil
        }
    }

    /// A list of strings: an array attribute, or a JSON array in a string.
    func strings(_ key: String) -> [String]? {
        switch self[key] {
        case .array(let values):
            return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
        case .string(let text):
            return (try? JSONParser.parse(text))?.arrayValue?.compactMap(\.stringValue)
        default:
            return nil
        }
    }

    /// The attribute as a runscope value (arrays and key-value lists as JSON arrays and objects).
    func value(_ key: String) -> Value? {
        self[key].map(Self.value)
    }

    /// A JSON object held as a string (`metadata`, `llm.invocation_parameters`) or a key-value list.
    func object(_ key: String) -> ValueObject? {
        switch self[key] {
        case .string(let text): return (try? JSONParser.parse(text))?.objectValue
        case .kvlist: return value(key)?.objectValue
        default: return nil
        }
    }

    /// `value` as a runscope value.
    static func value(_ value: AttributeValue) -> Value {
        switch value {
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .int(let number): return Int(exactly: number).map(Value.int) ?? .double(Double(number))
        case .double(let number): return .double(number)
        case .array(let values): return .array(values.map(Self.value))
        case .kvlist(let list): return .object(ValueObject(list.map { ($0.key, Self.value($0.value)) }))
        case .bytes(let bytes): return .string(bytes.base64EncodedString())
        case .empty: return .null
        }
    }

    /// Every indexed group under `prefix` (`llm.input_messages.` → N → the keys after `N.`), in index order.
    func groups(_ prefix: String) -> [SpanAttributes] {
        var found: [(index: Int, pair: Attribute)] = []
        let skip = prefix.utf8.count
        for pair in pairs where pair.key.hasPrefix(prefix) {
            // By UTF-8 offsets: the prefix and the dot are ASCII, so they are character boundaries too.
            let rest = pair.key.utf8.dropFirst(skip)
            guard let dot = rest.firstIndex(of: UInt8(ascii: ".")), let index = Int(Substring(rest[..<dot])), index >= 0, index < 100_000 else { continue }
            found.append((index, Attribute(key: String(Substring(rest[rest.index(after: dot)...])), value: pair.value)))
        }
        guard !found.isEmpty else { return [] }
        // Stable, so a key given twice keeps its order (and its last value); mostly in order already.
        if zip(found, found.dropFirst()).contains(where: { $0.index > $1.index }) {
            found = found.enumerated().sorted { ($0.element.index, $0.offset) < ($1.element.index, $1.offset) }.map(\.element)
        }
        var groups: [SpanAttributes] = []
        var start = 0
        for end in 1...found.count where end == found.count || found[end].index != found[start].index {
            groups.append(SpanAttributes(found[start..<end].map(\.pair)))
            start = end
        }
        return groups
    }
}
