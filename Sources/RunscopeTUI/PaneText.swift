import Foundation
import RunscopeCore
import RunscopeInspector
import RunscopePricing
import TerminalUI

/// The text of the Input, Output, Error and Info tabs (and the Stream tab of a
/// run with no tokens), wrapped to the pane. Untrusted text is sanitized by the wrapping.
enum PaneText {
    static func lines(_ tab: PaneTab, node: RunNode, forest: RunForest, state: InspectorState, width: Int) -> [StyledLine] {
        switch tab {
        case .stream: return streamFallback(node, width: width).flatMap { wrap($0.text, width: width, style: $0.style) }
        case .input: return value(node.inputs, none: node.sawStart ? "(no input)" : "(start of this run not seen)", width: width)
        case .output: return value(node.outputs, none: node.status.isActive ? "(still running)" : "(no output)", width: width)
        case .error: return error(node, forest: forest, width: width)
        case .info:
            return info(node, forest: forest, chainStart: state.chainStart, now: state.now, width: width, rerunOf: state.reruns[node.id])
        case .messages:
            guard let index = forest.index(of: node.id) else { return [] }
            return ChatText.lines(Conversation.of(index, in: forest), width: width)
        }
    }

    static func statusWord(_ status: RunStatus) -> String {
        switch status {
        case .waiting: return "waiting"
        case .running: return "running"
        case .succeeded: return "done"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        case .handledError: return "handled error"
        case .interrupted: return "interrupted"
        case .routed: return "routed"
        }
    }

    static func wrap(_ text: String, width: Int, style: Style = .plain) -> [StyledLine] {
        TextWrap.wrap(text, width: width).map { StyledLine($0, style: style) }
    }

    static func streamFallback(_ node: RunNode, width: Int) -> [StyledLine] {
        if node.runType.isModel {
            if node.status.isActive { return [StyledLine("(waiting for the first token…)", style: Theme.dim)] }
            guard let outputs = node.outputs else { return [StyledLine("(no tokens)", style: Theme.dim)] }
            return [StyledLine("(not streamed; the whole answer:)", style: Theme.dim)] + wrap(ValueText.render(outputs), width: width)
        }
        if node.runType == .tool { return toolSummary(node, width: width) }
        return [StyledLine("(nothing streamed: no model runs below this run; see Output)", style: Theme.dim)]
    }

    static func value(_ value: Value?, none: String, width: Int) -> [StyledLine] {
        guard let value else { return [StyledLine(none, style: Theme.dim)] }
        return wrap(ValueText.render(value), width: width)
    }

    /// A tool run's call and what it returned (or the handled error the model reads).
    static func toolSummary(_ node: RunNode, width: Int) -> [StyledLine] {
        var lines = [StyledLine("call", style: Theme.label)] + wrap(node.toolCall ?? node.name, width: width)
        let title = node.status == .handledError ? "handled tool error (the model reads this message)" : "result"
        lines += [StyledLine(""), StyledLine(title, style: node.status == .handledError ? Theme.handledError : Theme.label)]
        guard let outputs = node.outputs else {
            return lines + [StyledLine(node.status.isActive ? "(still running)" : "(no output)", style: Theme.dim)]
        }
        return lines + wrap(toolText(outputs), width: width)
    }

    /// A tool's output as text: a tool message's content, anything else as the Output tab shows it.
    static func toolText(_ output: Value) -> String {
        if case .message(let message) = output, message.role == .tool { return message.content }
        return ValueText.render(output)
    }

    /// Type, message, the child that raised it and the run where it started.
    static func error(_ node: RunNode, forest: RunForest, width: Int) -> [StyledLine] {
        if node.status == .handledError {
            let note = "The tool failed; its run ended normally with this message for the model (status error):"
            return [StyledLine("handled tool error", style: Theme.handledError)] + wrap(note, width: width, style: Theme.dim)
                + [StyledLine("")] + wrap(toolText(node.outputs ?? .null), width: width)
        }
        if node.status.isControlFlow, let error = node.error { return controlFlow(node, error: error, forest: forest, width: width) }
        guard let error = node.error else {
            guard node.failedDescendants > 0 else { return [StyledLine("No error.", style: Theme.dim)] }
            let me = forest.index(of: node.id) ?? 0
            let failed = forest.depthFirstOrder().filter { $0 != me && forest[$0].status == .failed && forest.isAncestor(me, of: $0) }
            var lines = [StyledLine("This run did not fail, but \(node.failedDescendants) run(s) below it did:", style: Theme.label)]
            for index in failed.prefix(50) {
                lines += wrap("• \(forest[index].name): \(forest[index].error?.description ?? "")", width: width, style: Theme.error)
            }
            return lines
        }
        var lines = [StyledLine("type", style: Theme.label)] + wrap(error.type, width: width, style: Theme.error)
        lines += [StyledLine(""), StyledLine("message", style: Theme.label)] + wrap(error.message, width: width)
        var path: [String] = []
        var current = node.failedChild
        while let child = current {
            path.append("\(forest[child].runType.rawValue) \(forest[child].name) (#\(forest[child].executionOrder))")
            current = forest[child].failedChild
        }
        lines += [StyledLine(""), StyledLine("raised by", style: Theme.label)]
        if path.isEmpty {
            lines += wrap("this run itself", width: width)
        } else {
            lines += wrap("child " + path[0], width: width)
            if path.count > 1 { lines += wrap("origin " + path.joined(separator: " › "), width: width) }
        }
        return lines
    }

    /// An interrupt or a command: control flow, not a failure.
    static func controlFlow(_ node: RunNode, error: RunError, forest: RunForest, width: Int) -> [StyledLine] {
        let paused = node.status == .interrupted
        let title = paused ? "paused at an interrupt (not a failure)" : "routed by a command (not a failure)"
        let note = paused ? "The graph stopped here and waits to be resumed with a Command(resume=...)."
            : "A Command sent control to another node or to the parent graph."
        var lines = [StyledLine(title, style: Theme.label)] + wrap(note, width: width, style: Theme.dim)
        lines += [StyledLine(""), StyledLine("type", style: Theme.label)] + wrap(error.type, width: width)
        lines += [StyledLine(""), StyledLine("value", style: Theme.label)] + wrap(error.message, width: width)
        if let child = node.failedChild {
            lines += [StyledLine(""), StyledLine("raised by", style: Theme.label)]
            lines += wrap("child \(forest[child].runType.rawValue) \(forest[child].name) (#\(forest[child].executionOrder))", width: width)
        }
        return lines
    }

    /// Id, parent, tags, metadata, times, order and notes.
    static func info(
        _ node: RunNode, forest: RunForest, chainStart: Date?, now: Date, width: Int, rerunOf: UUID? = nil
    ) -> [StyledLine] {
        var rows: [(String, String)] = [("run id", node.id.lowercasedString)]
        if let rerunOf {
            let name = forest.index(of: rerunOf).map { " (\(forest[$0].name); d compares)" } ?? ""
            rows.append(("rerun of", rerunOf.lowercasedString + name))
        }
        if let parentId = node.parentId {
            let name = node.parent.map { " (\(forest[$0].name))" } ?? " (not seen by the inspector)"
            rows.append(("parent", parentId.lowercasedString + name))
        } else {
            rows.append(("parent", "— (root)"))
        }
        rows.append(("type", node.runType.rawValue))
        rows.append(("name", node.name))
        rows.append(("tags", node.tags.isEmpty ? "—" : node.tags.joined(separator: ", ")))
        rows.append(("metadata", node.metadata.isEmpty ? "—" : Value.object(node.metadata).compactJSON()))
        let offset = chainStart.map { " (+\(Format.precise(node.startTime.timeIntervalSince($0))))" } ?? ""
        rows.append(("start", Format.timestamp(node.startTime) + offset))
        rows.append(("end", node.endTime.map(Format.timestamp) ?? "— (\(statusWord(node.status)))"))
        rows.append(("duration", node.endTime.map { Format.precise($0.timeIntervalSince(node.startTime)) } ?? "—"))
        if !node.children.isEmpty, let index = forest.index(of: node.id) {
            let own = CriticalPath.selfTime(forest, index, now: now)
            rows.append(("self time", Format.precise(own) + " (not spent in any run below it)" + (node.endTime == nil ? " so far" : "")))
        }
        rows.append(("order", "\(node.executionOrder) (execution order in this trace)"))
        rows.append(("runs below", "\(node.descendantCount) (\(node.activeDescendants) active, \(node.failedDescendants) failed)"))
        if let params = node.extra["invocation_params"] { rows.append(("params", params.compactJSON())) }
        rows += costRows(node, price: node.priceEntry.map { forest.prices.entries[$0] })
        var lines: [StyledLine] = []
        for (label, value) in rows {
            let padded = label.padding(toLength: 11, withPad: " ", startingAt: 0)
            lines += wrap(padded + value, width: width)
        }
        if !node.notes.isEmpty {
            lines += [StyledLine(""), StyledLine("events", style: Theme.label)]
            for note in node.notes { lines += wrap("• " + note, width: width) }
        }
        return lines
    }

    /// Usage as "120 in (100 cached) / 45 out (30 reasoning) / 165".
    static func usage(_ usage: UsageMetadata) -> String {
        var input = "\(Format.count(usage.inputTokens)) in"
        var cache: [String] = []
        if let read = usage.cacheReadTokens, read > 0 { cache.append("\(Format.count(read)) cached") }
        if let written = usage.cacheCreationTokens, written > 0 { cache.append("\(Format.count(written)) cache write") }
        if !cache.isEmpty { input += " (\(cache.joined(separator: ", ")))" }
        var output = "\(Format.count(usage.outputTokens)) out"
        if let reasoning = usage.reasoningTokens, reasoning > 0 { output += " (\(Format.count(reasoning)) reasoning)" }
        return "\(input) / \(output) / \(Format.count(usage.totalTokens))"
    }

    /// The Info tab's usage, cost and price rows; for other runs, the sums over the runs below.
    static func costRows(_ node: RunNode, price: ModelPrice?) -> [(String, String)] {
        var rows: [(String, String)] = []
        if node.runType.isModel, let usage = node.usage {
            rows.append(("usage", Self.usage(usage)))
            if let price, let cost = node.cost {
                rows.append(("cost", CostText.format(cost) + (price.isFree ? " (\(price.note ?? "no charge"))" : "")))
                rows.append(("price", "\(price.model): \(CostText.rates(price)) (\(price.source), \(price.date))"))
            } else {
                rows.append(("cost", "— (no price for this model; add one with --prices FILE)"))
            }
        } else if let usage = node.rollup.usage {
            rows.append(("used below", Self.usage(usage)))
            let unpriced = node.rollup.unpriced == 0 ? "" : " (\(node.rollup.unpriced) model run\(node.rollup.unpriced == 1 ? "" : "s") without a price)"
            rows.append(("cost below", (CostText.format(node.rollup) ?? "—") + unpriced))
        }
        return rows
    }
}
