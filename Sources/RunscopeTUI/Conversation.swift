import RunscopeCore
import RunscopeInspector

/// The conversation a run holds, for the Messages tab: its messages, the tool
/// calls still running, and the AI turn being written (a model run's tokens).
struct Conversation {
    /// How the last AI turn stands while a model runs.
    enum Tail: Equatable {
        case none
        /// A model run waits for its first token.
        case waiting
        /// Model run `index` is streaming; its tokens are the AI turn so far.
        case streaming(Int)
    }

    var messages: [Message] = []
    /// Tool runs started after the last model run and not ended yet: their calls.
    var runningTools: [String] = []
    var tail: Tail = .none
    /// Why the last model run ended without an answer, if it failed.
    var failure: String?
    /// Whether any messages were found at all.
    var isEmpty: Bool { messages.isEmpty && runningTools.isEmpty && tail == .none && failure == nil }

    /// The conversation of run `index`: a model run's prompt and answer; a chain's
    /// `messages` (its outputs once ended, else rebuilt from its latest model run
    /// below and the tool runs after it, else its inputs).
    static func of(_ index: Int, in forest: RunForest) -> Conversation {
        let node = forest[index]
        if node.runType.isModel { return model(index, in: forest) }
        if !node.status.isActive, let messages = messages(in: node.outputs) { return Conversation(messages: messages) }
        if let latest = node.streamSources.last {
            var conversation = model(latest, in: forest)
            appendTools(after: latest, below: index, in: forest, to: &conversation)
            return conversation
        }
        return Conversation(messages: messages(in: node.inputs) ?? [])
    }

    /// A model run: the messages it was given, then its answer (or the tokens so far).
    static func model(_ index: Int, in forest: RunForest) -> Conversation {
        let node = forest[index]
        var conversation = Conversation(messages: prompt(node.inputs))
        if node.status.isActive {
            conversation.tail = node.tokenCount > 0 ? .streaming(index) : .waiting
        } else if let answer = answer(node.outputs) {
            conversation.messages.append(answer)
        } else if let error = node.error {
            conversation.failure = error.description
        }
        return conversation
    }

    /// Adds the results of the tool runs below `top` that started after model run `model`.
    static func appendTools(after model: Int, below top: Int, in forest: RunForest, to conversation: inout Conversation) {
        let start = forest[model].startTime
        let tools = forest.depthFirstOrder().filter { index in
            forest[index].runType == .tool && forest[index].startTime >= start && forest.isAncestor(top, of: index)
        }
        for tool in tools.sorted(by: { forest[$0].executionOrder < forest[$1].executionOrder }) {
            let node = forest[tool]
            if node.status.isActive {
                conversation.runningTools.append(node.toolCall ?? node.name)
            } else if let message = toolMessage(node) {
                conversation.messages.append(message)
            }
        }
    }

    /// The tool message a tool run ended with (or one made from its output or error).
    static func toolMessage(_ node: RunNode) -> Message? {
        if case .message(let message)? = node.outputs, message.role == .tool {
            var named = message
            if named.name == nil { named.name = node.name }
            return named
        }
        let text = node.error?.description ?? node.outputs.map(ValueText.render) ?? ""
        let status: ToolStatus = node.status == .succeeded ? .success : .error
        return Message.tool(text, toolCallId: "", name: node.name, status: status)
    }

    /// The messages a chat model run was given (the first prompt), or a text prompt as a human message.
    static func prompt(_ inputs: Value?) -> [Message] {
        guard let lists = inputs?.arrayValue, let first = lists.first else { return [] }
        if let list = first.arrayValue { return list.compactMap(message) }
        return lists.compactMap { $0.stringValue.map(Message.human) }
    }

    /// A model run's answer: its AI message, or its text as one.
    static func answer(_ outputs: Value?) -> Message? {
        switch outputs {
        case .message(let message)?: return message
        case .string(let text)?: return .ai(text)
        default: return nil
        }
    }

    /// The `messages` list of a chain's inputs or outputs (`{"messages": [...]}`).
    static func messages(in value: Value?) -> [Message]? {
        guard let list = value?["messages"]?.arrayValue else { return nil }
        let messages = list.compactMap(message)
        return messages.isEmpty && !list.isEmpty ? nil : messages
    }

    /// One message from a message value, a `[role, text]` pair, a string (human) or a `{role, content}` object.
    static func message(_ value: Value) -> Message? {
        switch value {
        case .message(let message): return message
        case .string(let text): return .human(text)
        case .array(let pair) where pair.count == 2:
            guard let role = pair[0].stringValue.flatMap(Self.role), let text = pair[1].stringValue else { return nil }
            return Message(role: role, content: text)
        case .object(let object):
            guard let name = (object["role"] ?? object["type"])?.stringValue, let role = Self.role(name) else { return nil }
            return Message(role: role, content: object["content"]?.stringValue ?? "")
        default: return nil
        }
    }

    /// A role by LangChain's names (`human`/`user`, `ai`/`assistant`, `system`, `tool`).
    static func role(_ name: String) -> Message.Role? {
        switch name.lowercased() {
        case "human", "user": return .human
        case "ai", "assistant": return .ai
        case "system", "developer": return .system
        case "tool": return .tool
        default: return nil
        }
    }
}
