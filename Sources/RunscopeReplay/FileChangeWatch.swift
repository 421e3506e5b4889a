import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes a follower as soon as a file may have changed: on Linux an inotify watch on the
/// file's directory (appends, truncation, a new file put in its place all show there);
/// elsewhere, or when inotify cannot be had, only the timeout. `wait(timeout:)` sleeps
/// until a change, `cancel()`, or the timeout (the follower then looks anyway: polling
/// stays the fallback). Used from one thread, cancelled from any.
final class FileChangeWatch: @unchecked Sendable {
    // @unchecked Sendable: the descriptors are set once in init; `cancel()` only writes
    // a byte to the pipe, which is safe from any thread.
    private let changes: Int32
    private let wake: (read: Int32, write: Int32)

    /// A watch for the file at `path` (its directory is watched; it need not exist yet).
    init(path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_CLOSE_WRITE | IN_ATTRIB)
        if descriptor >= 0, inotify_add_watch(descriptor, directory.isEmpty ? "." : directory, mask) < 0 {
            close(descriptor)
            changes = -1
        } else {
            changes = descriptor
        }
        #else
        changes = -1
        #endif
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC); _ = fcntl(end, F_SETFL, O_NONBLOCK) }
        }
        wake = (ends[0], ends[1])
    }

    /// Whether changes are noticed (else `wait` is a plain sleep of `timeout`).
    var notices: Bool { changes >= 0 }

    /// Sleeps until the directory changes, `cancel()` is called, or `timeout` seconds pass.
    func wait(timeout: Double) {
        var fds = [pollfd(fd: changes, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, nfds_t(fds.count), Int32(max(0, timeout) * 1000))
        if changes >= 0, fds[0].revents != 0 { drain(changes) }
    }

    /// Ends the current and every later `wait` at once.
    func cancel() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    /// Takes the pending events (one read: a directory that keeps changing must not keep the
    /// follower here; what is left makes the next wait return at once).
    private func drain(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        _ = read(descriptor, &buffer, buffer.count)
    }

    deinit {
        for descriptor in [changes, wake.read, wake.write] where descriptor >= 0 { close(descriptor) }
    }
}
