import Foundation
import RunscopeCore
import RunscopeInspector
import RunscopePricing
import TerminalUI

/// The UI thread's loop: joins keys, the events drained from the handler (once
/// per frame) and clock ticks, and redraws only when the state changed, at
/// most 60 times a second. Every terminal call goes through its ``TerminalBackend``
/// (ncurses in the program, an in-memory one in tests), from this one thread.
final class AppLoop {
    static let frameInterval = 1.0 / 60
    static let tickInterval = 0.1

    private let terminal: any TerminalBackend
    /// False when the loop runs on a terminal another screen started (it then neither starts nor restores it).
    private let ownsTerminal: Bool
    /// The screen `H` opens over the inspector (the history), if any.
    private let history: InspectorApp.Overlay?
    private let runner: ChainRunner
    private let exitOnFinish: Bool
    /// A replay or tail: its clock gives the times shown, and Space/. control it.
    private let control: (any PlaybackControl)?
    private let clock: @Sendable () -> Date
    /// Where the chain's tool calls wait for the user (`--approve-tools`), if they do.
    private let approver: InspectorApprover?
    /// Every run of the chain, so that `E` can run one step again; nil when the runs come from outside.
    private let steps: InspectorStepKeeper?
    /// What `d` shows a step run again in, beside its original.
    private let compare: InspectorApp.Compare?
    /// Edits a waiting call's arguments and a step's input (the user's editor; a script in tests).
    private let editor: (_ text: String, _ name: String) -> ExternalEditor.Outcome
    /// An exec'd program's output (the Output view), if any.
    private let output: OutputLog?
    private var outputView = OutputView()
    private var showsOutput = false
    /// What the last frame showed of the output: its revision, whether shown, where scrolled.
    private var renderedOutput: (Int, Bool, Int?) = (-1, false, nil)
    private let view = InspectorView()
    private var state: InspectorState
    private var cache = ViewCache()
    /// Where the detail pane is scrolled (its one owner; the view resolves it as it draws).
    private var pane = PaneViewport()
    /// The pane position the last frame drew.
    private var renderedPane: TextPaneState?
    private var handler = InspectorHandler()
    private var previous = Buffer(width: 0, height: 0)
    private var renderedRevision = -1
    private var quitting = false
    private var userQuit = false
    /// The signal that ended the loop, if one did.
    private(set) var signal: Int32?
    private var lastFrame = Date.distantPast
    private var lastTick = Date.distantPast

    /// Takes over `terminal` when it `owns` it (then starts it now and restores it on every
    /// way out); throws when there is no terminal. Not owned: one a screen under this one started.
    init(title: String, exitOnFinish: Bool, runner: ChainRunner, control: (any PlaybackControl)? = nil,
         output: OutputLog? = nil, terminal: any TerminalBackend, owns: Bool, history: InspectorApp.Overlay? = nil,
         prices: PriceTable = .builtIn, approver: InspectorApprover? = nil, steps: InspectorStepKeeper? = nil,
         compare: InspectorApp.Compare? = nil,
         editor: @escaping (_ text: String, _ name: String) -> ExternalEditor.Outcome = { ExternalEditor.edit($0, name: $1) }) throws {
        self.terminal = terminal
        self.approver = approver
        self.steps = steps
        self.compare = compare
        self.editor = editor
        self.ownsTerminal = owns
        self.history = history
        self.runner = runner
        self.output = output
        self.exitOnFinish = exitOnFinish
        self.control = control
        if let control {
            self.clock = { control.now() }
        } else {
            self.clock = { Date() }
        }
        if ownsTerminal { try terminal.start() }
        let size = terminal.size
        state = InspectorState(title: title, width: size.width, height: size.height, prices: prices)
    }

    deinit { if ownsTerminal { terminal.restore() } }

    /// Runs until the user quits, the chain ends (with `exitOnFinish`) or a signal
    /// comes; returns whether the user quit and the signal.
    func run() -> (userQuit: Bool, signal: Int32?) {
        defer { if ownsTerminal { terminal.restore() } }
        if !ownsTerminal { terminal.invalidate() }
        startChain()
        var keyPending = false
        while !quitting {
            if let received = terminal.receivedSignal {
                signal = received
                runner.cancel()
                break
            }
            let now = Date()
            let untilFrame = lastFrame.addingTimeInterval(Self.frameInterval).timeIntervalSince(now)
            let timeout = keyPending ? 0 : max(0, Int((untilFrame * 1000).rounded(.up)))
            keyPending = false
            if let key = terminal.readKey(timeoutMilliseconds: min(timeout, 50)) {
                handle(key)
                keyPending = true
                continue
            }
            if Date().timeIntervalSince(lastFrame) >= Self.frameInterval { frame(at: Date()) }
        }
        return (userQuit, signal)
    }

    private func startChain() {
        steps?.removeAll()
        handler = InspectorHandler(clock: clock)
        apply(.chainStarted(clock()))
        runner.run(handler: handler)
    }

    /// One frame: drain events, note the chain's end, tick, redraw if anything changed.
    private func frame(at now: Date) {
        lastFrame = now
        // Playback first: the first batch of a replay then starts its wall time (an instant replay's all come at once).
        if let control { apply(.playback(control.playback)) }
        let events = handler.drain()
        if !events.isEmpty { apply(.events(events)) }
        if let requests = approver?.takeNew(), !requests.isEmpty { apply(.approvalsRequested(requests)) }
        if let result = runner.takeResult() {
            apply(.events(handler.drain()))
            apply(.chainEnded(ChainRunner.chainResult(result), clock()))
            if exitOnFinish { quitting = true }
        }
        if now.timeIntervalSince(lastTick) >= Self.tickInterval {
            lastTick = now
            apply(.tick(clock()))
        }
        draw()
    }

    private func draw() {
        let outputNow = (output?.revision ?? -1, showsOutput, outputView.top)
        guard state.revision != renderedRevision || outputNow != renderedOutput || pane.scroll != renderedPane else { return }
        renderedRevision = state.revision
        renderedOutput = outputNow
        var buffer = view.render(state, pane: &pane, cache: &cache)
        renderedPane = pane.scroll
        if showsOutput, let output, !state.showsHelp, !state.confirmingQuit { outputView.draw(output, into: &buffer) }
        terminal.draw(buffer.diff(from: previous))
        previous = buffer
    }

    /// `o` shows or hides the Output view (of `runscope exec`); while shown it takes the scrolling keys.
    private func handleOutputKey(_ key: Key) -> Bool {
        guard let output, !state.search.editing, !state.showsHelp, !state.confirmingQuit else { return false }
        if key == .char("o") || (showsOutput && key == .escape) {
            showsOutput = key == .char("o") ? !showsOutput : false
            return true
        }
        guard showsOutput else { return false }
        let height = OutputView.bodyHeight(state.layout.height)
        return outputView.handle(key, lineCount: output.snapshot().lines.count, height: height)
    }

    private func handle(_ key: TerminalKey) {
        switch key {
        case .resize:
            let size = terminal.size
            apply(.resize(width: size.width, height: size.height))
            draw()
        case .inputClosed:
            userQuit = true
            quitting = true
        case .mouse(let event):
            guard !showsOutput, let input = KeyTranslation.mouse(event) else { return }
            apply(.mouse(input))
            if Date().timeIntervalSince(lastFrame) >= Self.frameInterval { frame(at: Date()) }
        default:
            let translated = KeyTranslation.key(key)
            if !handleOutputKey(translated) { apply(.key(translated)) }
            if Date().timeIntervalSince(lastFrame) >= Self.frameInterval { frame(at: Date()) }
        }
    }

    /// `H`: runs the history screen on this terminal until it is left, then redraws the inspector whole.
    private func openHistory() {
        guard let history else {
            apply(.notice("The history is not available here"))
            return
        }
        cameBack(with: history(terminal))
    }

    /// After a screen shown over the inspector: its size may have changed, its line goes to
    /// the bottom row, and the next frame redraws everything.
    private func cameBack(with note: String?) {
        let size = terminal.size
        apply(.resize(width: size.width, height: size.height))
        if let note { apply(.notice(note)) }
        previous = Buffer(width: 0, height: 0)
        renderedRevision = -1
        terminal.invalidate()
    }

    /// `y`: the tab's text to the terminal's clipboard (OSC 52), and a line saying so.
    private func copy(run: Int, tab: PaneTab) {
        let text = PaneCopy.text(tab, node: state.forest[run], forest: state.forest, state: state)
        guard let sequence = PaneCopy.osc52(text) else {
            apply(.notice("Too long to copy (\(text.utf8.count) bytes; the limit is \(PaneCopy.limit)): w writes the run to a file"))
            return
        }
        terminal.sendControl(sequence)
        let lines = text.isEmpty ? 0 : text.split(separator: "\n", omittingEmptySubsequences: false).count
        apply(.notice("Copied \(tab.title) of \(state.forest[run].name): \(lines) lines, \(text.count) characters (OSC 52, if the terminal allows it)"))
    }

    /// `e` on a waiting tool call: its arguments in the editor (the terminal handed over and
    /// taken back); saved as a JSON object, the call runs with them; otherwise it still waits.
    private func editArguments(of request: PendingApproval) {
        guard let approver, approver.isWaiting(request.id) else {
            apply(.approvalResolved(id: request.id))
            return
        }
        let name = "\(request.call.name)-arguments.json"
        var outcome = ExternalEditor.Outcome.failed("the editor did not run")
        terminal.handOver { outcome = editor(Value.object(request.call.args).jsonString(indent: 2) + "\n", name) }
        previous = Buffer(width: 0, height: 0)
        renderedRevision = -1
        switch outcome {
        case .saved(let text):
            do {
                guard let arguments = try JSONParser.parse(text).objectValue else {
                    apply(.notice("Edit not used: the arguments must be a JSON object (e edits again)"))
                    return
                }
                guard approver.isWaiting(request.id) else {
                    apply(.approvalResolved(id: request.id))
                    apply(.notice("\(request.call.name) no longer waits (its run ended)"))
                    return
                }
                approver.decide(request.id, .edit(arguments))
                apply(.approvalResolved(id: request.id))
                apply(.notice("Ran \(request.call.name) with the edited arguments"))
            } catch {
                apply(.notice("Edit not used: \(error) (e edits again)"))
            }
        case .failed(let reason):
            apply(.notice("Edit not used: \(reason) (e edits again)"))
        }
    }

    /// `E`: the run's input in the editor (the terminal handed over and taken back); saved,
    /// that step alone runs again with it, as a new trace beside the original.
    private func editAndRerun(_ index: Int) {
        let node = state.forest[index]
        guard let steps else {
            apply(.notice("These runs come from outside: E runs a step of a chain running here (runscope CHAIN)"))
            return
        }
        guard let step = steps.step(node.id) else {
            apply(.notice("\(node.name) cannot run again: its component was not kept (a graph node runs only inside its graph)"))
            return
        }
        var outcome = ExternalEditor.Outcome.failed("the editor did not run")
        terminal.handOver { outcome = editor(StepInputText.text(step.input), "\(Self.fileName(node.name))-input.json") }
        previous = Buffer(width: 0, height: 0)
        renderedRevision = -1
        switch outcome {
        case .saved(let text):
            do {
                let input = try StepInputText.input(text, replacing: step.input)
                let rerunId = UUIDv7.make()
                runner.run(handler: handler) { _ in Task { try await step.rerun(input, runId: rerunId, streaming: true) } }
                apply(.stepRerunStarted(original: node.id, rerun: rerunId, clock()))
            } catch {
                apply(.notice("Not run again: \(error) (E edits again)"))
            }
        case .failed(let reason):
            apply(.notice("Not run again: \(reason) (E edits again)"))
        }
    }

    /// A run's name as part of a file name: letters, digits, `-` and `_` kept, the rest `_`.
    static func fileName(_ name: String) -> String {
        String(name.prefix(40).map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    }

    /// `d`: the rerun beside its original in the compare screen, then the inspector whole again.
    private func showComparison(_ original: Int, _ rerun: Int) {
        guard let compare else {
            apply(.notice("Comparing is not available here"))
            return
        }
        cameBack(with: compare(terminal, state.forest, original, rerun))
    }

    private func apply(_ action: InspectorAction) {
        for effect in reduce(&state, action) {
            switch effect {
            case .quit:
                userQuit = true
                quitting = true
            case .cancelChain:
                runner.cancel()
            case .rerun:
                startChain()
            case .togglePause:
                control?.togglePause()
            case .step:
                control?.step()
            case .openHistory:
                openHistory()
            case .copyPane(let run, let tab):
                copy(run: run, tab: tab)
            case .writeSubtree(let run):
                apply(.notice(SubtreeFile.write(state.forest, from: run, in: FileManager.default.currentDirectoryPath)))
            case .scrollPane(let request):
                pane.apply(request, in: state)
            case .decideTool(let id, let decision):
                approver?.decide(id, decision)
            case .editToolCall(let request):
                editArguments(of: request)
            case .editStep(let run):
                editAndRerun(run)
            case .compareRuns(let original, let rerun):
                showComparison(original, rerun)
            }
        }
    }
}
