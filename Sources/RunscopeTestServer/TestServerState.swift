import NIOCore
import RunscopeCore

/// What the server has seen, shared by its connections: requests, attempts per
/// model name, responses completed or abandoned, open connections.
final class TestServerState: Sendable {
    private struct Counters {
        var requests: [RecordedRequest] = []
        var attempts: [String: Int] = [:]
        var completed = 0
        var aborted = 0
        var channels: [ObjectIdentifier: any Channel] = [:]
    }

    private let counters = Locked(Counters())

    /// Records a request; returns how many requests with its model name came so far (this one included).
    func record(_ request: RecordedRequest) -> Int {
        counters.withLock { counters in
            counters.requests.append(request)
            let key = "\(request.path) \(request.model ?? "")"
            counters.attempts[key, default: 0] += 1
            return counters.attempts[key]!
        }
    }

    var requests: [RecordedRequest] { counters.withLock { $0.requests } }
    var completed: Int { counters.withLock { $0.completed } }
    var aborted: Int { counters.withLock { $0.aborted } }
    var openConnections: Int { counters.withLock { $0.channels.count } }

    func responseCompleted() { counters.withLock { $0.completed += 1 } }
    func responseAborted() { counters.withLock { $0.aborted += 1 } }

    func opened(_ channel: any Channel) {
        counters.withLock { $0.channels[ObjectIdentifier(channel)] = channel }
    }

    func closed(_ channel: any Channel) {
        _ = counters.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// The connections still open.
    var channels: [any Channel] { counters.withLock { Array($0.channels.values) } }
}
