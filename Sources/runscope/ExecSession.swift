import Foundation
import RunscopeCore
import RunscopeReplay
import RunscopeTUI
import Synchronization

/// Runs the command of `runscope exec` once per call: starts it with
/// `RUNSCOPE_EVENTS=unix:PATH`, reads the event lines every process of it writes (as
/// `tail` reads a log) and delivers them to the handlers, and returns its exit status.
final class ExecSession: Sendable {
    /// The environment variable the Python package looks for.
    static let variable = "RUNSCOPE_EVENTS"
    /// How long runscope waits, after the command ended, for its children's last lines.
    static let drainGrace = 1.0

    let command: [String]
    private let recorders: [LineWriter]
    /// Where the command's output goes in the inspector; `nil`: the terminal's own streams.
    let output: OutputLog?
    private let last = Locked((status: Int32(0), hello: false))

    init(command: [String], recorders: [LineWriter], output: OutputLog?) {
        self.command = command
        self.recorders = recorders
        self.output = output
    }

    /// The last run's exit status, and whether any process of it said hello (had the package).
    var lastRun: (status: Int32, hello: Bool) { last.withLock { $0 } }

    /// Runs the command to its end, delivering its events to `handlers`. Cancelling
    /// stops the command (SIGINT, then SIGTERM); `forwardInterrupt: false` skips the
    /// SIGINT when the terminal already sent it to the command.
    func run(handlers: [any CallbackHandler], clock: ReplayClock, forwardInterrupt: Bool = true) async throws -> Int32 {
        let socket = try EventSocket()
        let environment = [Self.variable: "unix:" + socket.path]
        let child: ChildProcess
        if let output {
            output.reset()
            child = try startCaptured(environment, into: output)
        } else {
            child = try ChildProcess.start(command, environment: environment, streams: .inherited)
        }
        // Not a child task: the last lines still count after a cancel (Ctrl-C).
        let lines = socket.lines()
        let pumping = Task { try await self.pump(lines, to: handlers, clock: clock) }
        let status = await withTaskCancellationHandler {
            await child.wait()
        } onCancel: {
            child.stop(interrupt: forwardInterrupt)
        }
        socket.finish(grace: Self.drainGrace)
        let said = try await pumping.value
        output?.finish(status: status)
        last.withLock { $0 = (status, said) }
        return status
    }

    /// Starts the command with its output and errors into a pipe read into `output`.
    private func startCaptured(_ environment: [String: String], into output: OutputLog) throws -> ChildProcess {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ChildProcess.StartError(command: command[0], reason: "no pipe for its output") }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        defer { close(ends[1]) }
        do {
            let child = try ChildProcess.start(command, environment: environment, streams: .captured(outputPipe: ends[1]))
            Self.readOutput(ends[0], into: output)
            return child
        } catch {
            close(ends[0])
            throw error
        }
    }

    /// Reads the pipe on a thread of its own until every writer has closed it.
    private static func readOutput(_ fd: Int32, into output: OutputLog) {
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                output.append(buffer[..<count])
            }
            close(fd)
        }
        thread.name = "runscope-output"
        thread.start()
    }

    /// Delivers every event line to the handlers and writes it to the recorders; returns
    /// whether a process said hello. A line of another format version is an error.
    private func pump(_ lines: AsyncStream<Substring>, to handlers: [any CallbackHandler], clock: ReplayClock) async throws -> Bool {
        var reader = EventLogReader(source: "the events of \(command[0])")
        defer { ViewOptions.reportSkipped(reader) }
        let replayer = Replayer(clock: clock)
        var hello = false
        for await line in lines {
            if line.hasPrefix(#"{"v":1,"event":"runscope_hello""#) {
                hello = true
                continue
            }
            for recorder in recorders { recorder.write(String(line)) }
            guard let entry = try reader.read(line: line) else { continue }
            replayer.deliver(entry, to: handlers)
        }
        return hello
    }
}
