import Foundation
import TerminalUI

/// An in-memory terminal (as ratatui's `TestBackend`): a test scripts keys, resizes,
/// signals and the end of input from its own thread; the loop under test reads them as
/// it would from ncurses, and every frame it draws is kept, applied to a screen of cells
/// the way a terminal applies them. Waits are on a condition the loop signals, bounded by
/// a deadline, never a sleep. (`@unchecked Sendable`: every stored property is read and
/// written under `condition` only.)
public final class TestBackend: TerminalBackend, @unchecked Sendable {
    /// What a test sends the loop, in order.
    private enum Input {
        case key(TerminalKey)
        case resize(width: Int, height: Int)
    }

    private let condition = NSCondition()
    private var width: Int
    private var height: Int
    private var pending: [Input] = []
    private var screen: Buffer
    private var frameTexts: [[String]] = []
    private var controlSequences: [String] = []
    private var signal: Int32?
    private var starts = 0
    private var restores = 0
    private var invalidated = false
    private var handOvers = 0

    /// A terminal of `width` × `height` cells, not yet started.
    public init(width: Int = 100, height: Int = 30) {
        self.width = width
        self.height = height
        screen = Buffer(width: width, height: height)
    }

    // MARK: The terminal, as the loop sees it

    public func start() throws { locked { starts += 1 } }

    public func restore() { locked { restores += 1 } }

    public var size: (width: Int, height: Int) { locked { (width, height) } }

    public func draw(_ diff: BufferDiff) {
        locked {
            if diff.isFullRedraw || invalidated || screen.width != width || screen.height != height {
                screen = Buffer(width: width, height: height)
                invalidated = false
            }
            for run in diff.runs {
                for (offset, cell) in run.cells.enumerated() where !cell.isContinuation && screen.contains(x: run.x + offset, y: run.y) {
                    screen[run.x + offset, run.y] = cell
                }
            }
            frameTexts.append(screen.lines())
        }
    }

    public func sendControl(_ sequence: String) { locked { controlSequences.append(sequence) } }

    public func invalidate() { locked { invalidated = true } }

    public func readKey(timeoutMilliseconds: Int) -> TerminalKey? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(Double(max(0, timeoutMilliseconds)) / 1000)
        while pending.isEmpty && signal == nil && condition.wait(until: deadline) {}
        guard !pending.isEmpty else { return nil }
        switch pending.removeFirst() {
        case .key(let key):
            return key
        case .resize(let newWidth, let newHeight):
            (width, height) = (newWidth, newHeight)
            return .resize
        }
    }

    public var receivedSignal: Int32? { locked { signal } }

    /// Runs `body` (the editor) as if the terminal were handed over, and repaints after.
    public func handOver(_ body: () -> Void) {
        locked { handOvers += 1 }
        body()
        invalidate()
    }

    /// How many times the loop handed the terminal to another program.
    public var handOverCount: Int { locked { handOvers } }

    // MARK: The script, from the test's thread

    /// Types `key`.
    public func send(_ key: TerminalKey) { post(.key(key)) }

    /// Types each character of `text`.
    public func type(_ text: String) {
        for character in text { send(.character(character)) }
    }

    /// Makes the terminal `width` × `height` (the loop sees it with its next key read).
    public func resize(width: Int, height: Int) { post(.resize(width: width, height: height)) }

    /// SIGINT, SIGTERM or SIGHUP arrives.
    public func raise(_ signal: Int32) {
        locked { self.signal = signal }
    }

    /// The input ends (the terminal is gone).
    public func closeInput() { send(.inputClosed) }

    // MARK: What the loop did

    /// Every frame drawn so far, each as the screen's rows after it (trailing spaces trimmed).
    public var frames: [[String]] { locked { frameTexts } }

    /// The screen now, one row per line.
    public var text: String { locked { frameTexts.last?.joined(separator: "\n") ?? "" } }

    /// The control sequences sent (OSC 52 copies), in order.
    public var controls: [String] { locked { controlSequences } }

    /// How many times the loop started and restored the terminal.
    public var startsAndRestores: (starts: Int, restores: Int) { locked { (starts, restores) } }

    /// Waits until a frame drawn after the `after`-th satisfies `predicate` (given the
    /// screen's text) and returns that text; nil when none did within `timeout` seconds.
    /// The wait blocks a thread of its own, never one of the cooperative pool the chain
    /// under test runs on.
    public func waitForFrame(after: Int = 0, timeout: Double = 30, _ predicate: @escaping @Sendable (String) -> Bool) async -> String? {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.blockingWait(after: after, timeout: timeout, predicate)) }.start()
        }
    }

    private func blockingWait(after: Int, timeout: Double, _ predicate: (String) -> Bool) -> String? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        var checked = after
        while true {
            while checked < frameTexts.count {
                let text = frameTexts[checked].joined(separator: "\n")
                checked += 1
                if predicate(text) { return text }
            }
            if !condition.wait(until: deadline) { return nil }
        }
    }

    /// The number of frames drawn so far (to wait for one after them).
    public var frameCount: Int { locked { frameTexts.count } }

    private func post(_ input: Input) {
        locked { pending.append(input) }
    }

    /// Runs `body` under the lock and wakes every waiter (a change may be what one waits for).
    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return body()
    }
}
