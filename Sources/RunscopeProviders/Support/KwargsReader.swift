import RunscopeCore

/// Reads LangChain kwargs (as in a serialized chain) into configuration fields: each
/// field under its kwarg name or aliases, type errors naming the kwarg, secrets given
/// as `{"lc":1,"type":"secret","id":["VAR"]}` read from the environment, and unknown
/// kwargs moved to `model_kwargs` as LangChain does (its own base fields ignored).
struct KwargsReader {
    let kwargs: ValueObject
    let environment: [String: String]
    private(set) var used: Set<String> = []

    /// LangChain fields that are not request settings; ignored.
    static let ignored: Set<String> = [
        "verbose", "cache", "callbacks", "callback_manager", "tags", "metadata", "name", "rate_limiter",
        "disable_streaming", "output_version", "custom_get_token_ids", "stream_usage_metadata", "client", "async_client",
        "root_client", "root_async_client", "http_client", "http_async_client", "client_kwargs",
    ]

    init(_ kwargs: ValueObject, environment: [String: String]) {
        self.kwargs = kwargs
        self.environment = environment
    }

    /// The first of `names` that is set (not null), marking all of them used.
    private mutating func value(_ names: [String]) -> (String, Value)? {
        used.formUnion(names)
        for name in names { if let value = kwargs[name], !value.isNull { return (name, value) } }
        return nil
    }

    private func mismatch(_ name: String, _ expected: String, _ value: Value) -> KwargsError {
        KwargsError(key: name, problem: "expected \(expected), got \(Self.describe(value))")
    }

    /// The value as an error message shows it: short JSON for scalars, the kind for containers.
    static func describe(_ value: Value) -> String {
        switch value {
        case .object: return "an object"
        case .array: return "an array"
        default:
            let text = value.jsonString()
            return text.count > 40 ? String(text.prefix(37)) + "..." : text
        }
    }

    mutating func string(_ names: String...) throws -> String? {
        guard let (name, value) = value(names) else { return nil }
        guard let text = value.stringValue else { throw mismatch(name, "a string", value) }
        return text
    }

    mutating func double(_ names: String...) throws -> Double? {
        guard let (name, value) = value(names) else { return nil }
        guard let number = value.doubleValue else { throw mismatch(name, "a number", value) }
        return number
    }

    mutating func int(_ names: String...) throws -> Int? {
        guard let (name, value) = value(names) else { return nil }
        guard let number = value.intValue else { throw mismatch(name, "an integer", value) }
        return number
    }

    mutating func bool(_ names: String...) throws -> Bool? {
        guard let (name, value) = value(names) else { return nil }
        guard let flag = value.boolValue else { throw mismatch(name, "true or false", value) }
        return flag
    }

    /// A list of strings (a single string counts as a list of one).
    mutating func strings(_ names: String...) throws -> [String]? {
        guard let (name, value) = value(names) else { return nil }
        if let text = value.stringValue { return [text] }
        guard let items = value.arrayValue?.compactMap(\.stringValue), items.count == value.arrayValue?.count else {
            throw mismatch(name, "a list of strings", value)
        }
        return items
    }

    mutating func headers(_ names: String...) throws -> [String: String] {
        guard let (name, value) = value(names) else { return [:] }
        guard let object = value.objectValue else { throw mismatch(name, "an object of strings", value) }
        var headers: [String: String] = [:]
        for (key, item) in object {
            guard let text = item.stringValue else { throw mismatch("\(name).\(key)", "a string", item) }
            headers[key] = text
        }
        return headers
    }

    mutating func object(_ names: String...) throws -> ValueObject {
        guard let (name, value) = value(names) else { return [:] }
        guard let object = value.objectValue else { throw mismatch(name, "an object", value) }
        return object
    }

    /// A key: a string, or a secret reference read from the environment (`nil` if unset there).
    mutating func secret(_ names: String...) throws -> String? {
        guard let (name, value) = value(names) else { return nil }
        if let text = value.stringValue { return text }
        guard value["type"]?.stringValue == "secret", let variable = value["id"]?.arrayValue?.first?.stringValue else {
            throw mismatch(name, "a string or a secret reference", value)
        }
        return environment[variable]
    }

    /// Kwargs nothing read, for `model_kwargs`.
    var unknown: ValueObject {
        ValueObject(kwargs.filter { !used.contains($0.key) && !Self.ignored.contains($0.key) }.map { ($0.key, $0.value) })
    }
}
