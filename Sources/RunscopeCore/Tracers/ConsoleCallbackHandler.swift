import Foundation

/// Prints every run's start, end and error as LangChain's console tracer does:
/// `[chain/start] [1:chain:RunnableSequence] Entering Chain run with input: {...}`.
/// Colours only on a terminal and never with `NO_COLOR`.
public final class ConsoleCallbackHandler: RunEventHandler {
    private struct Known {
        var crumbs: [String]
        var start: Date
        var root: UUID
    }

    private struct State {
        var runs: [UUID: Known] = [:]
        var started: [UUID: Int] = [:]
    }

    private let state = Locked(State())
    private let write: @Sendable (String) -> Void
    private let colors: Bool
    private let clock: @Sendable () -> Date

    /// A console tracer writing lines with `write` (default: standard output);
    /// `colors` nil means: when standard output is a terminal and `NO_COLOR` is unset.
    /// `clock` gives event times (a replay passes the recorded ones).
    public init(
        colors: Bool? = nil, clock: @escaping @Sendable () -> Date = { Date() },
        write: (@Sendable (String) -> Void)? = nil
    ) {
        self.clock = clock
        self.write = write ?? { text in DescriptorOutput.send(text + "\n", to: 1) }
        self.colors = colors ?? Self.terminalWantsColor(fileDescriptor: 1)
    }

    /// Whether output to `fileDescriptor` should be coloured.
    public static func terminalWantsColor(fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    public func handle(_ event: RunEvent, run: RunInfo) throws {
        let now = clock()
        guard let (crumbs, elapsed) = track(event, run: run, now: now) else { return }
        guard let line = ConsoleFormat.line(event, run: run, crumbs: crumbs, elapsed: elapsed, colors: colors) else { return }
        write(line)
    }

    public func onHandlerError(_ error: RunError, handler: String, event: String, run: RunInfo) {
        write("Error in \(handler).\(event) callback: \(error)")
    }

    /// Records starts and returns the breadcrumb (and elapsed time for ends).
    private func track(_ event: RunEvent, run: RunInfo, now: Date) -> (String, TimeInterval?)? {
        state.withLock { state in
            if event.isStart {
                let parent = run.parentRunId.flatMap { state.runs[$0] }
                let root = parent?.root ?? run.runId
                let order = (state.started[root] ?? 0) + 1
                state.started[root] = order
                let crumb = "\(order):\(ConsoleFormat.crumbType(run.runType)):\(run.name)"
                state.runs[run.runId] = Known(crumbs: (parent?.crumbs ?? []) + [crumb], start: now, root: root)
                return (ConsoleFormat.breadcrumbs(state.runs[run.runId]!.crumbs, colors: colors), nil)
            }
            guard let known = state.runs[run.runId] else { return nil }
            let text = ConsoleFormat.breadcrumbs(known.crumbs, colors: colors)
            return (text, event.isEnd ? now.timeIntervalSince(known.start) : nil)
        }
    }
}
