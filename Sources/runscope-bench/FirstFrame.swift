import Foundation

/// Milliseconds from launching `runscope` (in a tmux window) until its first frame is
/// on screen, polling the pane every 2 ms; `nil` without tmux or the binary.
func firstFrameMilliseconds(runscope: String, chain: String, rounds: Int = 5) -> Double? {
    guard FileManager.default.isExecutableFile(atPath: runscope), let tmux = which("tmux") else { return nil }
    var best = Double.infinity
    for round in 0..<rounds {
        let socket = "runscope-bench-\(getpid())-\(round)"
        let start = Date()
        _ = shell(tmux, ["-L", socket, "-f", "/dev/null", "-u", "new-session", "-d", "-x", "120", "-y", "40",
                         "env LANG=C.UTF-8 \(runscope) \(chain) --exit-on-finish; sleep 5"], capture: false)
        while Date().timeIntervalSince(start) < 5 {
            if shell(tmux, ["-L", socket, "capture-pane", "-p"]).contains(" runscope ") {
                best = min(best, Date().timeIntervalSince(start) * 1000)
                break
            }
            usleep(2000)
        }
        _ = shell(tmux, ["-L", socket, "kill-server"])
    }
    return best.isFinite ? best : nil
}

/// Runs a program to its end and returns its standard output. Spawned with a clean
/// signal mask and no inherited descriptors but its own: a tmux server it starts
/// must neither hold our pipes nor start with SIGCHLD blocked.
func shell(_ path: String, _ arguments: [String], capture: Bool = true) -> String {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-bench-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, capture ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    for fd in 3..<256 { posix_spawn_file_actions_addclose(&actions, Int32(fd)) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, &actions, &attributes, argv, environ) == 0 else { return "" }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return capture ? ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "") : ""
}

/// The full path of a program on PATH.
func which(_ program: String) -> String? {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}
