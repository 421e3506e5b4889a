/// Returns its input unchanged (useful in parallel maps to pass the input along).
public struct RunnablePassthrough: Runnable {
    public let name: String

    /// A passthrough.
    public init(name: String = "RunnablePassthrough") { self.name = name }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, inputs: input, keeping: self) { _ in input }
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        transform(.single(input), config: config)
    }

    public func transform(_ input: ValueStream, config: RunConfig) -> ValueStream {
        config.tracedTransform(input, name: name, keeping: self) { stream, _ in stream }
    }

    /// `RunnablePassthrough.assign(...)`: the input object plus new keys computed by `mapper`.
    public static func assign(_ steps: [(key: String, runnable: any Runnable)]) -> RunnableAssign {
        RunnableAssign(mapper: RunnableParallel(steps))
    }
}

/// Adds keys to its input object, computed from the input by a parallel map.
public struct RunnableAssign: Runnable {
    public let mapper: RunnableParallel

    /// An assign whose new keys come from `mapper`.
    public init(mapper: RunnableParallel) { self.mapper = mapper }

    public var name: String { "RunnableAssign<\(mapper.steps.map(\.key).joined(separator: ","))>" }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, inputs: input, keeping: self) { run in
            let base = try Self.object(input)
            let mapped = try await mapper.invoke(input, config: run.childConfig(config))
            return .object(base.merging(mapped.objectValue ?? [:]))
        }
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        transform(.single(input), config: config)
    }

    public func transform(_ input: ValueStream, config: RunConfig) -> ValueStream {
        let mapper = self.mapper
        return config.tracedTransform(input, name: name, keeping: self) { stream, run in
            ValueStream {
                var mapped: ValueStream.AsyncIterator?
                return {
                    if mapped != nil { return try await mapped!.next() }
                    guard let whole = try await stream.reduce() else { return nil }
                    var base = try Self.object(whole)
                    for key in mapper.steps.map(\.key) { base[key] = nil }
                    base.isAddable = true
                    mapped = mapper.transform(.single(whole), config: run.childConfig(config)).makeAsyncIterator()
                    return .object(base)
                }
            }
        }
    }

    static func object(_ input: Value) throws -> ValueObject {
        guard let object = input.objectValue else {
            throw ScriptedError("RunnableAssign expects an object input, got \(input.kindName)", type: "TypeError")
        }
        return object
    }
}

/// Picks one key (its value) or several keys (an object) from its input object.
public struct RunnablePick: Runnable {
    public let keys: [String]

    /// A pick of the given keys.
    public init(keys: [String]) { self.keys = keys }

    public var name: String { "RunnablePick<\(keys.joined(separator: ","))>" }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, inputs: input, keeping: self) { _ in pick(input) }
    }

    /// The picked value(s) of `input`.
    func pick(_ input: Value) -> Value {
        guard let object = input.objectValue else { return .null }
        if keys.count == 1 { return object[keys[0]] ?? .null }
        return .object(ValueObject(keys.compactMap { key in object[key].map { (key, $0) } }))
    }
}
