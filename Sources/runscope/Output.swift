import Foundation
import RunscopeCore

/// Standard output as the commands write it: when it cannot be written (a full disk, a
/// file over its size limit) that is said once on standard error, the command goes on
/// (the chain completes, the history keeps the run) and runscope exits with status 1.
enum Output {
    private static let failure = Locked<Int32?>(nil)

    /// Writes `text` to standard output, unless an earlier write failed.
    static func write(_ text: String) {
        guard failure.withLock({ $0 }) == nil, let code = DescriptorOutput.send(text, to: STDOUT_FILENO) else { return }
        let first = failure.withLock { state -> Bool in
            defer { state = state ?? code }
            return state == nil
        }
        if first { Terminal.error("runscope: standard output: \(String(cString: strerror(code))); the output stops here") }
    }

    /// Whether a write to standard output failed.
    static var failed: Bool { failure.withLock { $0 } != nil }
}
