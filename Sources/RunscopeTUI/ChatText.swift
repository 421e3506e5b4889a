import RunscopeCore
import RunscopeInspector
import TerminalUI

/// The Messages tab: a conversation as a chat, one block per message (a role
/// line, then the text wrapped to the pane), AI tool calls as `→ name(args)`,
/// tool results with their name and status. Text is sanitized by the wrapping.
enum ChatText {
    /// The lines of `conversation`, up to the header of the AI turn being streamed
    /// (whose text the view appends from the run's tokens).
    static func lines(_ conversation: Conversation, width: Int) -> [StyledLine] {
        if conversation.isEmpty {
            return [StyledLine("(no messages: this run is not a model run, and its inputs and outputs hold no `messages`)",
                               style: Theme.dim)]
        }
        var names: [String: String] = [:]
        var lines: [StyledLine] = []
        for message in conversation.messages {
            for call in message.toolCalls { if let id = call.id { names[id] = call.name } }
            if !lines.isEmpty { lines.append(StyledLine("")) }
            lines += block(message, toolNames: names, width: width)
        }
        for call in conversation.runningTools {
            if !lines.isEmpty { lines.append(StyledLine("")) }
            lines.append(StyledLine("Tool · running", style: Theme.toolRole))
            lines += PaneText.wrap(call, width: width, style: Theme.dim)
        }
        if let failure = conversation.failure {
            if !lines.isEmpty { lines.append(StyledLine("")) }
            lines += PaneText.wrap("✗ " + failure, width: width, style: Theme.error)
        }
        switch conversation.tail {
        case .none: break
        case .waiting:
            if !lines.isEmpty { lines.append(StyledLine("")) }
            lines += [StyledLine("AI · waiting for the first token…", style: Theme.aiRole)]
        case .streaming:
            if !lines.isEmpty { lines.append(StyledLine("")) }
            lines += [StyledLine("AI · streaming…", style: Theme.aiRole)]
        }
        return lines
    }

    /// One message: its role line, its text, and an AI message's tool calls.
    static func block(_ message: Message, toolNames: [String: String], width: Int) -> [StyledLine] {
        var lines = [header(message, toolNames: toolNames)]
        if !message.content.isEmpty || message.toolCalls.isEmpty {
            lines += PaneText.wrap(message.content, width: width)
        }
        for call in message.toolCalls {
            let text = "→ " + LangGraphTraits.toolCall(name: call.name, inputs: .object(call.args))
            lines += PaneText.wrap(text, width: width, style: Theme.label)
        }
        return lines
    }

    /// The role line: `System`, `Human`, `AI`, `Tool get_weather · ✓ ok` / `· ⚠ error`.
    static func header(_ message: Message, toolNames: [String: String]) -> StyledLine {
        switch message.role {
        case .system: return StyledLine("System", style: Theme.systemRole)
        case .human: return StyledLine("Human", style: Theme.humanRole)
        case .ai: return StyledLine("AI", style: Theme.aiRole)
        case .tool:
            let name = message.name ?? message.toolCallId.flatMap { toolNames[$0] } ?? "tool"
            if message.status == .error { return StyledLine("Tool \(name) · ⚠ error", style: Theme.toolErrorRole) }
            return StyledLine("Tool \(name) · ✓ ok", style: Theme.toolRole)
        }
    }
}
