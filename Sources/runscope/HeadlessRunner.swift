import Dispatch
import Foundation
import RunscopeCore
import Synchronization

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
            var printedText = false
            defer { if printedText { FileHandle.standardOutput.write(Data("\n".utf8)) } }
            for try await chunk in chain.streamValues(input, config: config) {
                if printOutput, case .string(let text) = chunk, total == nil || printedText {
                    FileHandle.standardOutput.write(Data(text.utf8))
                    printedText = true
                }
                total = total.flatMap { $0.adding(chunk) } ?? chunk
            }
            if printOutput, !printedText, let total { Self.print(total) }
        }
    }

    /// A string as it is, anything else as JSON.
    static func print(_ value: Value) {
        let text = value.stringValue ?? value.jsonString(indent: 2)
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Calls `action` on SIGINT (a second Ctrl-C then quits at once).
    static func onInterrupt(_ action: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let count = Mutex(0)
        source.setEventHandler {
            let n = count.withLock { $0 += 1; return $0 }
            if n > 1 { exit(130) }
            action()
        }
        source.resume()
        return source
    }
}

/// Remembers the first run that failed: where an error was raised.
final class ErrorOrigin: RunEventHandler {
    private let first = Mutex<String?>(nil)

    var name: String? { first.withLock { $0 } }

    func handle(_ event: RunEvent, run: RunInfo) throws {
        guard event.error != nil else { return }
        first.withLock { if $0 == nil { $0 = "\(run.runType.rawValue) '\(run.name)'" } }
    }
}
