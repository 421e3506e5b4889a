import Foundation
import RunscopeCore
import RunscopeTestServer
import Synchronization

/// The file `--record` writes: one JSON line per request (`method`, `path`, `body`, the
/// body parsed when it is JSON), written whole under a lock (requests arrive on several threads).
final class RequestLog: Sendable {
    private let handle: Locked<FileHandle>

    /// A log in a new (or emptied) file at `path`; `nil` if it cannot be created.
    init?(path: String) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { return nil }
        self.handle = Locked(handle)
    }

    /// Appends one request.
    func append(_ request: RecordedRequest) {
        let line: Value = [
            "method": .string(request.method), "path": .string(request.path),
            "body": request.json ?? .string(request.bodyText),
        ]
        let data = Data((line.compactJSON() + "\n").utf8)
        handle.withLock { $0.write(data) }
    }
}
