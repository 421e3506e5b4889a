import RunscopeCore

extension ScriptedConversation {
    /// What is wrong in a conversation's JSON, and where (`$.turns[1].tool_calls[0].name`).
    public struct FormatError: Error, CustomStringConvertible, Equatable {
        /// The JSON path of the bad value.
        public var path: String
        /// What is wrong there.
        public var message: String

        public var description: String { "\(path): \(message)" }
    }

    /// Reads the JSON form, the shape of the scripted model's `messages`:
    /// `{"name": "weather", "turns": [{"content": "Let me check.", "tool_calls":
    /// [{"name": "get_weather", "args": {"city": "Paris"}, "id": "call_1"}]}, {"content": "Sunny."}]}`.
    /// `content` is a string (cut into word tokens) or an array of tokens; a missing
    /// `id` becomes `call_<turn>_<call>`.
    public init(json: Value) throws(FormatError) {
        guard let object = json.objectValue else { throw FormatError(path: "$", message: "expected an object") }
        guard let name = object["name"]?.stringValue, Self.isWord(name) else {
            throw FormatError(path: "$.name", message: "expected one word of letters, digits or _ (it follows conversation- in a model name)")
        }
        guard let turns = object["turns"]?.arrayValue, !turns.isEmpty else {
            throw FormatError(path: "$.turns", message: "expected a non-empty array of turns")
        }
        var parsed: [Turn] = []
        for (index, turn) in turns.enumerated() {
            parsed.append(try Self.turn(turn, path: "$.turns[\(index)]", number: index + 1))
        }
        self.init(name: name, turns: parsed)
    }

    private static func turn(_ value: Value, path: String, number: Int) throws(FormatError) -> Turn {
        guard let object = value.objectValue else { throw FormatError(path: path, message: "expected an object") }
        let tokens: [String]
        switch object["content"] {
        case nil, .null?: tokens = []
        case .string(let text)?: tokens = Self.tokens(text)
        case .array(let items)?:
            tokens = try items.enumerated().map { (index, item) throws(FormatError) in
                guard let token = item.stringValue else {
                    throw FormatError(path: "\(path).content[\(index)]", message: "expected a string token")
                }
                return token
            }
        default: throw FormatError(path: "\(path).content", message: "expected a string or an array of strings")
        }
        var calls: [ToolCall] = []
        let items = object["tool_calls"]?.arrayValue ?? []
        if let raw = object["tool_calls"], !raw.isNull, raw.arrayValue == nil {
            throw FormatError(path: "\(path).tool_calls", message: "expected an array of tool calls")
        }
        for (index, item) in items.enumerated() {
            calls.append(try toolCall(item, path: "\(path).tool_calls[\(index)]", defaultId: "call_\(number)_\(index + 1)"))
        }
        return Turn(tokens: tokens, toolCalls: calls)
    }

    private static func toolCall(_ value: Value, path: String, defaultId: String) throws(FormatError) -> ToolCall {
        guard let name = value["name"]?.stringValue, !name.isEmpty else {
            throw FormatError(path: "\(path).name", message: "expected the tool's name")
        }
        let args = value["args"] ?? .object([:])
        guard let object = args.objectValue else {
            throw FormatError(path: "\(path).args", message: "expected an object of arguments")
        }
        return ToolCall(name: name, args: object, id: value["id"]?.stringValue ?? defaultId)
    }

    /// Whether `name` can follow `conversation-` in a model name.
    static func isWord(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
