import Foundation

/// A program running in its own detached tmux server (a private `-L` socket,
/// so other tmux users are never touched), driven with send-keys and read with
/// capture-pane. The command runs under `sh`, which records `stty -g` before and
/// after it and then its exit status in a scratch folder, then stays alive so the
/// pane can still be read.
final class TmuxSession: Sendable {
    let socket = "runscope-e2e-\(UUID().uuidString.prefix(8))"
    let name = "inspector"
    let scratch: URL

    /// Whether tmux is installed.
    static var isAvailable: Bool { which("tmux") != nil }

    /// Starts `binary arguments` in a `width` × `height` window.
    init(binary: URL, arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let quoted = ([binary.path] + arguments).map(Self.shellQuote).joined(separator: " ")
        let exports = environment.map { "export \($0.key)=\(Self.shellQuote($0.value)); " }.joined()
        let dir = Self.shellQuote(scratch.path)
        let script = "cd \(dir); export LANG=C.UTF-8 RUNSCOPE_HOME=\(dir)/home RUNSCOPE_FRAME_MARKS=1; \(exports)stty -g > before; \(quoted); code=$?; "
            + "stty -g > after; echo $code > status.tmp; mv status.tmp status; exec sleep 600"
        try tmux(["-f", "/dev/null", "-u", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
    }

    deinit { close() }

    /// Kills the tmux server and removes the scratch folder.
    func close() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: scratch)
    }

    /// The screen as text (trailing blanks trimmed by tmux).
    func capture() -> String {
        (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
    }

    /// The screen as text once no frame is half written, else nil. runscope under test
    /// (`RUNSCOPE_FRAME_MARKS=1`) sets the pane's title to `runscope:drawing` before each
    /// frame and `runscope:drawn` after it; tmux may read a frame's bytes in pieces, and a
    /// screen read between them shows the top of the new frame over the rest of the old.
    /// The title and the screen are read by one tmux command list, so nothing is drawn between.
    func wholeFrame() -> String? {
        let separator = "\u{1F}runscope-e2e-screen\u{1F}"
        guard let text = try? tmux(["display-message", "-p", "-t", name, "#{pane_title}\(separator)", ";",
                                    "capture-pane", "-p", "-t", name]),
              let range = text.range(of: separator + "\n") else { return nil }
        if text[..<range.lowerBound] == "runscope:drawing" { return nil }
        return String(text[range.upperBound...])
    }

    /// Sends tmux key names (`Down`, `Tab`, `C-c`, `q`, ...).
    func send(_ keys: String...) {
        _ = try? tmux(["send-keys", "-t", name] + keys)
    }

    /// Sends raw bytes, as hexadecimal pairs (`"1b 5b 31 7e"`), as if the terminal had sent them.
    func sendBytes(_ hex: String) {
        _ = try? tmux(["send-keys", "-t", name, "-H"] + hex.split(separator: " ").map(String.init))
    }

    /// Types `text` literally.
    func type(_ text: String) {
        _ = try? tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Resizes the window.
    func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Sets a server option, e.g. `set-clipboard on` (tmux then keeps what a program sends with OSC 52 as a buffer).
    func setOption(_ option: String, _ value: String) {
        _ = try? tmux(["set-option", "-s", option, value])
    }

    /// The newest paste buffer (what OSC 52 set), or nil when there is none.
    func pasteBuffer() -> String? {
        try? tmux(["show-buffer"])
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`, `#{pane_pid}`, `#{pane_title}`.
    func format(_ format: String) -> String {
        ((try? tmux(["display-message", "-p", "-t", name, format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen every 50 ms until `predicate` holds on a whole frame (``wholeFrame()``);
    /// returns that screen, or nil after `timeout` seconds.
    ///
    /// The polling runs on a thread of its own, not on the test process's cooperative pool: that pool is
    /// as wide as the machine has cores (2 on CI), and while every suite runs at once, long synchronous
    /// tests can hold it for many seconds. A poll starved that long used to wake past its deadline and
    /// fail although the program under test had done what was asked (CI saw two live streams "stop" in
    /// the same second). A last look is taken at the deadline, so a late wake still sees the screen.
    @discardableResult
    func waitFor(timeout: Double = 45, _ predicate: @escaping @Sendable (String) -> Bool) async -> String? {
        await Self.poll(timeout: timeout) { [self] in
            guard let screen = wholeFrame() else { return nil }
            return predicate(screen) ? screen : nil
        }
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 45) async -> String? {
        await waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// The command's exit status, once it has ended (waits up to `timeout` seconds).
    func exitStatus(timeout: Double = 45) async -> Int? {
        let file = scratch.appendingPathComponent("status")
        return await Self.poll(timeout: timeout) {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
            return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Calls `look` every 50 ms on a thread of its own until it gives a value or `timeout` seconds
    /// have passed (it is called once more at the deadline).
    static func poll<T: Sendable>(timeout: Double, _ look: @escaping @Sendable () -> T?) async -> T? {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                let deadline = Date().addingTimeInterval(timeout)
                while Date() < deadline {
                    if let found = look() { return continuation.resume(returning: found) }
                    Thread.sleep(forTimeInterval: 0.05)
                }
                continuation.resume(returning: look())
            }
            thread.name = "tmux-poll"
            thread.start()
        }
    }

    /// `stty -g` of the pane before and after the command.
    func terminalModes() -> (before: String, after: String)? {
        guard let before = try? String(contentsOf: scratch.appendingPathComponent("before"), encoding: .utf8),
              let after = try? String(contentsOf: scratch.appendingPathComponent("after"), encoding: .utf8) else { return nil }
        return (before, after)
    }

    /// The pid of the program under test (the child of the pane's shell).
    func programPid() -> Int32? {
        guard let shell = Int32(format("#{pane_pid}")) else { return nil }
        let children = (try? Self.run("/usr/bin/env", ["pgrep", "-P", "\(shell)"])) ?? ""
        return children.split(separator: "\n").compactMap { Int32($0) }.first
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try Self.run(Self.which("tmux") ?? "/usr/bin/tmux", ["-L", socket] + arguments)
    }

    /// Runs a program and returns its standard output; throws on a non-zero status.
    ///
    /// Uses posix_spawn + waitpid rather than Foundation's Process: a tmux server
    /// started by this call forks off and would inherit Process's descriptors,
    /// so Process would never see the client end. The child gets /dev/null as
    /// stdin and stderr, a file as stdout, and no other inherited descriptor.
    @discardableResult
    static func run(_ path: String, _ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-e2e-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Every other descriptor is closed in the child alone. (This used to mark all of the
        // test process's descriptors close-on-exec, which raced with Foundation's Process in
        // other tests: a child started meanwhile lost the socket by which Process sees it exit,
        // Process then waited for that child in a blocking waitpid, and no other process's
        // exit was seen until it ended; a test server left running froze the whole run.)
        try closeFrom(3, in: &actions)
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // Test threads block most signals and spawned programs inherit the mask;
        // a tmux server with SIGCHLD blocked never exits, so start from a clean mask.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw NSError(domain: "spawn", code: Int(spawned)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw NSError(domain: "tmux", code: Int(status), userInfo: [NSLocalizedDescriptionKey: "\(path) \(arguments) failed"])
        }
        return output
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+; Swift's Glibc module does not
    /// export it): the child closes every descriptor from `lowest` up before it runs.
    static func closeFrom(_ lowest: Int32, in actions: inout posix_spawn_file_actions_t) throws {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "glibc 2.34 or later is needed"])
        }
        let add = unsafeBitCast(symbol, to: AddCloseFrom.self)
        guard add(&actions, lowest) == 0 else { throw POSIXError(.EINVAL) }
    }

    static func which(_ program: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
