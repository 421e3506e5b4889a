/// An object (string-keyed map) that keeps its keys in insertion order, as Python
/// dicts do, so that traces print keys in the order LangChain prints them.
public struct ValueObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The keys, in insertion order.
    public private(set) var keys: [String] = []
    private var storage: [String: Value] = [:]
    /// Whether streamed chunks of this object merge key by key when added
    /// (Python's `AddableDict`, which parallel maps stream). Not part of equality.
    public var isAddable = false

    /// An empty object.
    public init() {}

    /// An object from key/value pairs; later duplicates overwrite earlier ones.
    public init(_ pairs: [(String, Value)]) {
        guard !pairs.isEmpty else { return }
        keys.reserveCapacity(pairs.count)
        storage.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }

    /// The value for a key; assigning `nil` removes the key.
    public subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The number of keys.
    public var count: Int { keys.count }

    /// Whether the object has no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// The values, in key order.
    public var values: [Value] { keys.map { storage[$0]! } }

    /// Iterates key/value pairs in insertion order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> {
        keys.map { (key: $0, value: storage[$0]!) }.makeIterator()
    }

    /// This object with the keys of `other` set on top (last writer wins).
    public func merging(_ other: ValueObject) -> ValueObject {
        var result = self
        for (key, value) in other { result[key] = value }
        return result
    }

    public static func == (lhs: ValueObject, rhs: ValueObject) -> Bool {
        lhs.storage == rhs.storage
    }
}
