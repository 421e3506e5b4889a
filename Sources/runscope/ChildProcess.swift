import RunscopeCore
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The program `runscope exec` runs: spawned with `posix_spawnp` (so PATH is searched
/// as a shell would), waited for on a thread of its own, stopped with SIGINT then SIGTERM.
struct ChildProcess: Sendable {
    /// Why a command could not be started.
    struct StartError: Error, CustomStringConvertible {
        let command: String
        let reason: String
        var description: String { "runscope: cannot start '\(command)': \(reason)" }
    }

    /// Where the child's standard streams go.
    enum Streams {
        /// The terminal's, unchanged (headless).
        case inherited
        /// Standard input from /dev/null, output and errors into `pipe` (the inspector
        /// owns the terminal); the child gets a process group of its own.
        case captured(outputPipe: Int32)
    }

    let pid: pid_t
    private let exited = ExitFlag()
    /// Whether the child leads its own process group (signals then reach its children too).
    let ownGroup: Bool

    /// Starts `arguments` with `environment` added to runscope's own.
    static func start(_ arguments: [String], environment: [String: String], streams: Streams) throws(StartError) -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        var ownGroup = false
        // runscope ignores or catches SIGINT and friends; the program gets the defaults
        // (an ignored SIGINT would be inherited, and Python would then never see Ctrl-C).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE, SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU] { sigaddset(&defaults, signal) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        if case .captured(let pipe) = streams {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, pipe, 1)
            posix_spawn_file_actions_adddup2(&actions, pipe, 2)
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
            ownGroup = true
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else { throw StartError(command: arguments[0], reason: reason(result)) }
        return ChildProcess(pid: pid, ownGroup: ownGroup)
    }

    private init(pid: pid_t, ownGroup: Bool) {
        self.pid = pid
        self.ownGroup = ownGroup
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "command not found"
        case EACCES: return "permission denied"
        default: return String(cString: strerror(code))
        }
    }

    /// Waits for the child to end and returns its exit status (128 + the signal that killed it).
    func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                exited.value.withLock { $0 = true }
                let signal = status & 0x7f
                continuation.resume(returning: signal == 0 ? (status >> 8) & 0xff : 128 + signal)
            }
            thread.name = "runscope-wait"
            thread.start()
        }
    }

    /// Sends `signal` to the child (to its whole group when it has one).
    func send(_ signal: Int32) {
        // Never signal a pid that was reaped (it may name another process by now).
        exited.value.withLock { done in if !done { kill(ownGroup ? -pid : pid, signal) } }
    }

    /// Stops the child: SIGINT now, SIGTERM after `grace` seconds if it still runs.
    func stop(grace: Double = 3, interrupt: Bool = true) {
        if interrupt { send(SIGINT) }
        let child = self
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) {
            child.send(SIGTERM)
        }
    }
}

/// Whether the child was reaped.
final class ExitFlag: Sendable {
    let value = Locked(false)
}
