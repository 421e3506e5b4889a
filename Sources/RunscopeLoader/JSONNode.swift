import RunscopeCore

/// A value of a chain file with its JSON path, for reading it with errors that say
/// where the problem is and what was expected.
struct JSONNode {
    let value: Value
    let path: String
    let context: LoadContext

    /// The member `key` of this object (its value is `.null` if missing).
    subscript(key: String) -> JSONNode {
        JSONNode(value: value[key] ?? .null, path: Self.member(path, key), context: context)
    }

    /// Whether this object has `key` (with a non-null value).
    func has(_ key: String) -> Bool {
        if let member = value[key] { return !member.isNull }
        return false
    }

    static func member(_ path: String, _ key: String) -> String {
        let plain = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" } && !key.isEmpty
        return plain ? "\(path).\(key)" : "\(path)[\(Value.string(key).jsonString())]"
    }

    /// An error at this node.
    func error(_ message: String) -> LoadError {
        LoadError(file: context.file, location: path, message: message)
    }

    /// A warning at this node.
    func warn(_ message: String) {
        context.warnings.append(LoadWarning(file: context.file, location: path, message: message))
    }

    /// `expected <what>, got <the value>`.
    func expected(_ what: String) -> LoadError {
        error("expected \(what), got \(Self.describe(value))")
    }

    /// A short rendering of a value for error messages.
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: return "nothing"
        case .object: return "an object"
        case .array: return "an array"
        default:
            let text = value.jsonString()
            return text.count > 40 ? String(text.prefix(37)) + "..." : text
        }
    }

    // MARK: typed access

    func object() throws(LoadError) -> ValueObject {
        guard let object = value.objectValue else { throw expected("an object") }
        return object
    }

    func array() throws(LoadError) -> [JSONNode] {
        guard let items = value.arrayValue else { throw expected("an array") }
        return items.enumerated().map { JSONNode(value: $1, path: "\(path)[\($0)]", context: context) }
    }

    func string() throws(LoadError) -> String {
        guard let text = value.stringValue else { throw expected("a string") }
        return text
    }

    func number() throws(LoadError) -> Double {
        guard let number = value.doubleValue else { throw expected("a number") }
        return number
    }

    func int() throws(LoadError) -> Int {
        guard let number = value.intValue else { throw expected("a whole number") }
        return number
    }

    func bool() throws(LoadError) -> Bool {
        guard let flag = value.boolValue else { throw expected("true or false") }
        return flag
    }

    func strings() throws(LoadError) -> [String] {
        if let text = value.stringValue { return [text] }
        return try array().map { node throws(LoadError) in try node.string() }
    }

    /// The members of this object as nodes, in file order.
    func members() throws(LoadError) -> [(key: String, node: JSONNode)] {
        try object().keys.map { ($0, self[$0]) }
    }

    // MARK: optional members

    func optionalString(_ key: String) throws(LoadError) -> String? { has(key) ? try self[key].string() : nil }
    func optionalNumber(_ key: String) throws(LoadError) -> Double? { has(key) ? try self[key].number() : nil }
    func optionalInt(_ key: String) throws(LoadError) -> Int? { has(key) ? try self[key].int() : nil }
    func optionalBool(_ key: String) throws(LoadError) -> Bool? { has(key) ? try self[key].bool() : nil }
    func optionalStrings(_ key: String) throws(LoadError) -> [String]? { has(key) ? try self[key].strings() : nil }

    /// A required member.
    func required(_ key: String, for owner: String) throws(LoadError) -> JSONNode {
        guard has(key) else { throw error("\(owner) needs '\(key)'") }
        return self[key]
    }

    /// Warns about members not in `known` (they are ignored).
    func warnUnknown(_ known: Set<String>, in owner: String) {
        guard let object = value.objectValue else { return }
        for key in object.keys where !known.contains(key) {
            self[key].warn("unknown \(owner) '\(key)' (ignored)")
        }
    }
}

/// What loading one file shares: its name, the environment for secrets, warnings.
final class LoadContext {
    let file: String
    let environment: [String: String]
    var warnings: [LoadWarning] = []
    /// Tools whose calls wait for the user (`"approve": true`), in file order.
    var approvalTools: [String] = []

    init(file: String, environment: [String: String]) {
        self.file = file
        self.environment = environment
    }
}
