import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into a value the UI loop polls, so the
/// terminal is restored in normal code rather than inside a signal handler
/// (where ncurses and malloc are not safe). The signals are ignored while
/// watched and get their default action back on ``stop()``. Used from one thread.
public final class SignalWatcher {
    /// The signals watched.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The first signal received (0: none), set from Dispatch's signal queue.
    private final class Flag: Sendable {
        let value = Atomic<Int32>(0)
    }

    private let flag = Flag()
    private var sources: [any DispatchSourceSignal] = []

    /// A watcher not yet started.
    public init() {}

    /// Starts watching.
    public func start() {
        guard sources.isEmpty else { return }
        sources = Self.signals.map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [flag] in
                _ = flag.value.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
            }
            source.resume()
            return source
        }
    }

    /// The first signal received, if any.
    public var receivedSignal: Int32? {
        let value = flag.value.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    /// Stops watching; the signals get their default action back.
    public func stop() {
        guard !sources.isEmpty else { return }
        for source in sources { source.cancel() }
        sources = []
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
