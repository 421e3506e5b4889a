import Foundation
import RunscopeCore
import RunscopeTestSupport

/// Records every event a handler receives, for assertions.
final class EventCollector: RunEventHandler {
    struct Record: Sendable {
        var event: RunEvent
        var run: RunInfo
    }

    private let records = Locked<[Record]>([])
    let raiseError: Bool

    init(raiseError: Bool = true) { self.raiseError = raiseError }

    func handle(_ event: RunEvent, run: RunInfo) throws {
        records.withLock { $0.append(Record(event: event, run: run)) }
    }

    var all: [Record] { records.withLock { $0 } }
    var names: [String] { all.map(\.event.name) }
    var tokens: [String] {
        all.compactMap { if case .newToken(let t, _) = $0.event { t } else { nil } }
    }

    /// The comparable shape of every event (ids normalized in order of first appearance).
    func shapes(excluding: Set<String> = []) -> [EventShape] {
        var ids = IdNormalizer()
        return all.filter { !excluding.contains($0.event.name) }.map { record in
            let run = ids.name(record.run.runId.uuidString)
            let parent = ids.name(record.run.parentRunId?.uuidString)
            let isStart = record.event.isStart
            var token: String?
            if case .newToken(let t, _) = record.event { token = t }
            return EventShape(
                event: record.event.name, run: run, parent: parent, name: isStart ? record.run.name : nil,
                runType: isStart ? record.run.runType.rawValue : nil, tags: record.run.tags, token: token)
        }
    }
}

