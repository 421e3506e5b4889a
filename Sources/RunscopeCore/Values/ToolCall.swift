/// A tool call requested by a model: the tool's name, its arguments and an id.
public struct ToolCall: Sendable, Equatable {
    public var name: String
    public var args: ValueObject
    public var id: String?

    /// A tool call with the given name, arguments and id.
    public init(name: String, args: ValueObject = [:], id: String? = nil) {
        self.name = name
        self.args = args
        self.id = id
    }

    /// LangChain's dict form: `{"name", "args", "id", "type": "tool_call"}`.
    public var asValue: Value {
        .object(["name": .string(name), "args": .object(args), "id": id.map(Value.string) ?? .null, "type": "tool_call"])
    }

    /// Reads LangChain's dict form; `nil` if `value` has no string `name`.
    public init?(value: Value) {
        guard let object = value.objectValue, let name = object["name"]?.stringValue else { return nil }
        self.name = name
        self.args = object["args"]?.objectValue ?? [:]
        self.id = object["id"]?.stringValue
    }
}

/// Token counts of one model call, as LangChain's `usage_metadata`.
public struct UsageMetadata: Sendable, Equatable {
    public var inputTokens: Int
    public var outputTokens: Int
    public var totalTokens: Int

    /// Usage with the given counts; the total defaults to their sum.
    public init(inputTokens: Int = 0, outputTokens: Int = 0, totalTokens: Int? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.totalTokens = totalTokens ?? inputTokens + outputTokens
    }

    /// The sum of two usages (for merging streamed chunks).
    public func adding(_ other: UsageMetadata) -> UsageMetadata {
        UsageMetadata(
            inputTokens: inputTokens + other.inputTokens, outputTokens: outputTokens + other.outputTokens,
            totalTokens: totalTokens + other.totalTokens)
    }

    /// LangChain's dict form.
    public var asValue: Value {
        .object(["input_tokens": .int(inputTokens), "output_tokens": .int(outputTokens), "total_tokens": .int(totalTokens)])
    }
}
