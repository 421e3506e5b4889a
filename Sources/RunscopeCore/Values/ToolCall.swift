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
