/// A dynamic value that flows into and out of runnables: JSON plus LangChain's
/// messages, prompt values and documents.
///
/// Chains loaded from files are untyped, as in LangChain, so every runnable takes
/// and returns a `Value`. `serialized()` turns any value into plain JSON in
/// LangChain's serialized form (`{"lc":1,"type":"constructor",...}`).
public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Value])
    case object(ValueObject)
    // Boxed, so that a Value stays small (about 18 bytes) and cheap to pass along a stream.
    case message(Message)
    indirect case promptValue(PromptValue)
    indirect case document(Document)
}

extension Value {
    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The object, if this is an object.
    public var objectValue: ValueObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The array, if this is an array.
    public var arrayValue: [Value]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The message, if this is a message.
    public var messageValue: Message? {
        if case .message(let m) = self { return m }
        return nil
    }

    /// The number as a `Double`, if this is an int or a double.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The number as an `Int`, if this is an int or an integral double.
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }

    /// The boolean, if this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Member lookup for objects; `nil` for other kinds or a missing key.
    public subscript(key: String) -> Value? {
        objectValue?[key]
    }

    /// Python-like truthiness, used by branch conditions.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        case .message, .promptValue, .document: return true
        }
    }

    /// A short name of the kind of value, for error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        case .message(let m): return "a \(m.className)"
        case .promptValue: return "a prompt value"
        case .document: return "a document"
        }
    }

    /// The text of a value as a prompt variable or string output sees it.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .message(let m): return m.content
        case .promptValue(let p): return p.toString()
        case .document(let d): return d.pageContent
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        default: return jsonString()
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, Value)...) {
        var object = ValueObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}
