import Dispatch
import Foundation
import RunscopeCore

/// Runs a chain without the terminal UI: the output on stdout, errors on stderr,
/// Ctrl-C cancels the chain.
struct HeadlessRunner {
    let chain: any Runnable
    let input: Value
    let mode: RunCommand.Mode
    let handlers: [any CallbackHandler]
    /// Whether to print the chain's output (not when the event log goes to stdout).
    let printOutput: Bool

    /// Runs the chain and returns the exit status: 0 succeeded, 1 failed or cancelled.
    func run() async -> Int32 {
        let origin = ErrorOrigin()
        let config = RunConfig(callbacks: handlers + [origin])
        let task = Task { try await execute(config) }
        let interrupt = Self.onInterrupt { task.cancel() }
        defer { interrupt.cancel() }
        do {
            try await task.value
            return 0
        } catch {
            let runError = RunError(error)
            let place = origin.name.map { " (in \($0))" } ?? ""
            Terminal.error(runError.isCancellation ? "cancelled" : "error\(place): \(runError.type): \(runError.message)")
            return 1
        }
    }

    private func execute(_ config: RunConfig) async throws {
        switch mode {
        case .invoke:
            let output = try await chain.invoke(input, config: config)
            if printOutput { Self.print(output) }
        case .stream:
            var total: Value?
            var printer = StreamPrinter()
            defer { printer.end() }
            for try await chunk in chain.streamValues(input, config: config) {
                if printOutput, total == nil || printer.printed, printer.print(chunk) { continue }
                total = total.flatMap { $0.adding(chunk) } ?? chunk
            }
            if printOutput, !printer.printed, let total { Self.print(total) }
        }
    }

    /// A string as it is, an agent's conversation as its last answer, anything else as JSON.
    static func print(_ value: Value) {
        let text = value.stringValue ?? finalAnswer(value) ?? value.jsonString(indent: 2)
        Output.write(text + "\n")
    }

    /// The text of the last AI message of `{"messages": [...]}` (an agent's output).
    static func finalAnswer(_ value: Value) -> String? {
        guard let last = value["messages"]?.arrayValue?.last?.messageValue, last.role == .ai else { return nil }
        return last.content
    }

    /// Calls `action` on SIGINT or SIGTERM (a second signal then quits at once, 130 or 143),
    /// so a headless run stopped by `kill` or a supervisor still writes its history and
    /// sends its last spans.
    static func onInterrupt(_ action: @escaping @Sendable () -> Void) -> SignalSources {
        let count = Locked(0)
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let n = count.withLock { $0 += 1; return $0 }
                if n > 1 { exit(128 + number) }
                action()
            }
            source.resume()
            return source
        }
        return SignalSources(sources: sources)
    }
}

/// Signal sources watched together; `cancel()` stops watching them all.
struct SignalSources {
    let sources: [any DispatchSourceSignal]

    func cancel() {
        for source in sources { source.cancel() }
    }
}

/// Remembers the first run that failed: where an error was raised.
final class ErrorOrigin: RunEventHandler {
    private let first = Locked<String?>(nil)

    var name: String? { first.withLock { $0 } }

    /// A token is no error: taken without making its event (it is the stream's hot path).
    func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) throws {}

    func handle(_ event: RunEvent, run: RunInfo) throws {
        guard event.error != nil else { return }
        first.withLock { if $0 == nil { $0 = "\(run.runType.rawValue) '\(run.name)'" } }
    }
}

/// Writes streamed text as it arrives: string chunks, and the AI message chunks of an
/// agent (each model step's answer on its own line).
struct StreamPrinter {
    private(set) var printed = false
    private var messageId: String?

    /// Writes `chunk` if it is text; `false` if it is not (it is then added up instead).
    mutating func print(_ chunk: Value) -> Bool {
        switch chunk {
        case .string(let text):
            write(text)
        case .message(let message) where message.role == .ai:
            if printed, message.id != messageId { write("\n") }
            messageId = message.id
            write(message.content)
        default:
            return false
        }
        return true
    }

    /// Ends the last line.
    func end() {
        if printed { Output.write("\n") }
    }

    private mutating func write(_ text: String) {
        Output.write(text)
        printed = true
    }
}
