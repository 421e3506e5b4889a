import Foundation
import GRDB
import RunscopeCore
import RunscopeHistory
import Synchronization

/// A temporary directory for one test's history, removed by `remove()`.
struct TemporaryHistory {
    let directory: String
    var path: String { directory + "/history.sqlite" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-history-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// A raw connection to the file, to look at it as `sqlite3` would.
    func raw() throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: config)
    }
}

/// Collects event-log lines as `--events` writes them.
final class LineCollector: Sendable {
    let lines = Locked<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

enum Chains {
    /// prompt | scripted model | parser: the founding example's shape.
    static func joke(_ answer: String = "Why don't bears wear shoes? Because they have bear feet!") throws -> RunnableSequence {
        try ChatPromptTemplate.fromTemplate("Tell me a joke about {animal}") | GenericFakeChatModel(responses: [answer], tokenDelay: 0)
            | StrOutputParser()
    }

    /// Runs the chain streaming, with the given handlers.
    static func stream(_ chain: some Runnable, _ input: Value, handlers: [any CallbackHandler]) async throws -> Value {
        try await chain.streamValues(input, config: RunConfig(callbacks: handlers)).reduce() ?? .null
    }
}

extension Value {
    /// An event-log line without its time (two recorders stamp their own).
    static func timeless(_ line: String) throws -> Value {
        guard case .object(var object) = try JSONParser.parse(line) else { return .null }
        object["time"] = nil
        return .object(object)
    }
}
