import RunscopeCore
import Foundation
import Synchronization

/// What a program `runscope exec` runs writes on its standard output and error, line
/// by line, and how it ended: the inspector's Output view shows it. Written by a
/// reader thread, read by the UI thread.
public final class OutputLog: Sendable {
    private struct State {
        var lines: [String] = []
        var partial: [UInt8] = []
        var exitStatus: Int32?
        var revision = 0
    }

    private let state = Locked(State())
    /// At most this many lines are kept (the oldest go first).
    public let limit: Int

    /// An empty log keeping at most `limit` lines.
    public init(limit: Int = 10_000) { self.limit = limit }

    /// Adds bytes the program wrote; a line shows once its newline comes.
    public func append(_ bytes: some Sequence<UInt8>) {
        state.withLock { state in
            for byte in bytes {
                if byte == 0x0A {
                    state.lines.append(String(decoding: state.partial, as: UTF8.self))
                    state.partial.removeAll(keepingCapacity: true)
                } else {
                    state.partial.append(byte)
                }
            }
            if state.lines.count > limit { state.lines.removeFirst(state.lines.count - limit) }
            state.revision += 1
        }
    }

    /// Starts over for a rerun.
    public func reset() {
        state.withLock { state in
            state = State(revision: state.revision + 1)
        }
    }

    /// Notes how the program ended (its exit status; 128 + a signal).
    public func finish(status: Int32) {
        state.withLock { state in
            if !state.partial.isEmpty {
                state.lines.append(String(decoding: state.partial, as: UTF8.self))
                state.partial.removeAll()
            }
            state.exitStatus = status
            state.revision += 1
        }
    }

    /// A number that changes whenever the lines or the exit status do.
    public var revision: Int { state.withLock { $0.revision } }

    /// The lines so far (an unfinished last line too), the exit status once it ended, and
    /// a number that changes whenever either does.
    public func snapshot() -> (lines: [String], exitStatus: Int32?, revision: Int) {
        state.withLock { state in
            let open = state.partial.isEmpty ? [] : [String(decoding: state.partial, as: UTF8.self)]
            return (state.lines + open, state.exitStatus, state.revision)
        }
    }
}
