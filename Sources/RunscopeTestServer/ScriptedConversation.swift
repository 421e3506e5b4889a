import RunscopeCore

/// A multi-turn conversation the test server plays turn by turn, in any provider's
/// wire format: turn 1 answers the first request (typically with tool calls), turn 2
/// the request that comes back with the tool results, and so on.
///
/// The turn is read from the request itself: a request holding N assistant messages
/// gets turn N + 1. So retries, several clients and parallel runs on one server never
/// mix turns up. A request past the last turn gets an HTTP 400 in the provider's
/// format that names the conversation.
///
/// A request selects a conversation with the model-name words `conversation-<name>`
/// (combinable with the other scenario words, e.g. `gpt-conversation-weather-delay-50`).
/// The built-in conversations are in `builtIn`; `TestServerOptions.conversations` adds
/// more, and `runscope-test-server --conversation FILE` reads one from JSON (`init(json:)`).
public struct ScriptedConversation: Sendable, Equatable {
    /// One scripted answer: text streamed token by token, then tool calls.
    public struct Turn: Sendable, Equatable {
        /// The text tokens, streamed one per chunk.
        public var tokens: [String]
        /// The tool calls, streamed after the text (arguments split over several chunks).
        public var toolCalls: [ToolCall]

        /// A turn; `text` is cut into word tokens (`"It is"` streams as `"It"`, `" is"`).
        public init(_ text: String = "", toolCalls: [ToolCall] = []) {
            self.init(tokens: ScriptedConversation.tokens(text), toolCalls: toolCalls)
        }

        /// A turn with its exact tokens.
        public init(tokens: [String], toolCalls: [ToolCall] = []) {
            self.tokens = tokens
            self.toolCalls = toolCalls
        }

        /// The whole text of the turn.
        public var text: String { tokens.joined() }
    }

    /// The name that selects it (`conversation-<name>`): one word of letters, digits or `_`.
    public var name: String
    /// The answers, in order: turn 1 answers the first request.
    public var turns: [Turn]

    /// A conversation.
    public init(name: String, turns: [Turn]) {
        self.name = name
        self.turns = turns
    }

    /// The turn answering a request that holds `assistantMessages` assistant messages, if any.
    public func turn(after assistantMessages: Int) -> Turn? {
        turns.indices.contains(assistantMessages) ? turns[assistantMessages] : nil
    }

    /// `text` cut before each space: the tokens a model would stream.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for character in text {
            if character == " " || tokens.isEmpty { tokens.append("") }
            tokens[tokens.count - 1].append(character)
        }
        return tokens
    }
}

extension ScriptedConversation {
    /// Issue 9's example: "Let me check." with two parallel calls (`get_weather` for
    /// Paris as `call_1`, `calculator` on "2 + 3" as `call_2`), then the answer.
    public static let weather = ScriptedConversation(name: "weather", turns: [
        Turn("Let me check.", toolCalls: [
            ToolCall(name: "get_weather", args: ["city": "Paris"], id: "call_1"),
            ToolCall(name: "calculator", args: ["expression": "2 + 3"], id: "call_2"),
        ]),
        Turn("It is sunny in Paris, and 2 + 3 = 5."),
    ])

    /// Sequential steps with no text beside the calls: `get_weather` for Paris
    /// (`call_paris`), then for London (`call_london`), then the answer.
    public static let steps = ScriptedConversation(name: "steps", turns: [
        Turn(toolCalls: [ToolCall(name: "get_weather", args: ["city": "Paris"], id: "call_paris")]),
        Turn(toolCalls: [ToolCall(name: "get_weather", args: ["city": "London"], id: "call_london")]),
        Turn("Paris is sunny and London is rainy."),
    ])

    /// The conversations every server knows, by name.
    public static let builtIn: [String: ScriptedConversation] = [weather.name: weather, steps.name: steps]
}
