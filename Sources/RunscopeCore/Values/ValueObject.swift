/// An object (string-keyed map) that keeps its keys in insertion order, as Python
/// dicts do, so that traces print keys in the order LangChain prints them.
///
/// The pairs are kept in order in one array; an object of more than `linearLimit` keys
/// also keeps an index from key to position. Most objects a run builds (metadata, call
/// parameters, LangChain's serialized shapes) have a handful of keys: they are one
/// allocation, looked up by comparing keys, with nothing hashed.
public struct ValueObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The most keys an object looks up without an index.
    static let linearLimit = 8

    private var pairs: [(key: String, value: Value)] = []
    /// Position by key, kept only when there are more than `linearLimit` pairs.
    private var index: [String: Int] = [:]
    /// Whether streamed chunks of this object merge key by key when added
    /// (Python's `AddableDict`, which parallel maps stream). Not part of equality.
    public var isAddable = false

    /// An empty object.
    public init() {}

    /// An object from key/value pairs; later duplicates overwrite earlier ones.
    public init(_ pairs: [(String, Value)]) {
        guard !pairs.isEmpty else { return }
        self.pairs.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }

    /// The keys, in insertion order.
    public var keys: [String] { pairs.map(\.key) }

    /// Where `key` is among the pairs.
    private func position(of key: String) -> Int? {
        if pairs.count > Self.linearLimit { return index[key] }
        return pairs.firstIndex { $0.key == key }
    }

    /// The value for a key; assigning `nil` removes the key.
    public subscript(key: String) -> Value? {
        get { position(of: key).map { pairs[$0].value } }
        set {
            let found = position(of: key)
            switch (found, newValue) {
            case (let found?, let newValue?):
                pairs[found].value = newValue
            case (nil, let newValue?):
                pairs.append((key, newValue))
                if pairs.count == Self.linearLimit + 1 {
                    rebuildIndex()
                } else if pairs.count > Self.linearLimit {
                    index[key] = pairs.count - 1
                }
            case (let found?, nil):
                pairs.remove(at: found)
                rebuildIndex()
            case (nil, nil):
                break
            }
        }
    }

    /// Makes the index match the pairs (none for a small object).
    private mutating func rebuildIndex() {
        index = [:]
        guard pairs.count > Self.linearLimit else { return }
        index.reserveCapacity(pairs.count)
        for (position, pair) in pairs.enumerated() { index[pair.key] = position }
    }

    /// The number of keys.
    public var count: Int { pairs.count }

    /// Whether the object has no keys.
    public var isEmpty: Bool { pairs.isEmpty }

    /// The values, in key order.
    public var values: [Value] { pairs.map(\.value) }

    /// Iterates key/value pairs in insertion order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> {
        pairs.makeIterator()
    }

    /// This object with the keys of `other` set on top (last writer wins).
    public func merging(_ other: ValueObject) -> ValueObject {
        if isEmpty { return other.withAddable(isAddable) }
        var result = self
        for (key, value) in other { result[key] = value }
        return result
    }

    /// This object with `isAddable` set as given.
    private func withAddable(_ addable: Bool) -> ValueObject {
        var copy = self
        copy.isAddable = addable
        return copy
    }

    /// Equal when they have the same keys with equal values, in any order (as dicts).
    public static func == (lhs: ValueObject, rhs: ValueObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (offset, pair) in lhs.pairs.enumerated() {
            // Same order, the usual case, compares in place; otherwise look the key up.
            if offset < rhs.pairs.count, rhs.pairs[offset].key == pair.key {
                guard rhs.pairs[offset].value == pair.value else { return false }
            } else {
                guard let other = rhs[pair.key], other == pair.value else { return false }
            }
        }
        return true
    }
}
