import Foundation
import RunscopeCore
import RunscopeHistory
import RunscopeHistoryUI
import RunscopeInspector
import Testing

/// The history screen's reducer fed by a real SQLite history: pages as the user scrolls,
/// the search through the full-text index, and marks carried across searches.
@Suite struct HistoryStorePagingTests {
    /// A history of `count` traces (a chain with a model child), one a second, newest last;
    /// every 10th answers "rare owls", the rest "common cats".
    static func history(_ count: Int) throws -> (HistoryStore, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-history-ui-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let recorder = HistoryRecorder(path: directory + "/history.sqlite", source: "test")
        let base = Date().addingTimeInterval(-Double(count) - 10)
        for index in 0..<count {
            let start = base.addingTimeInterval(Double(index))
            let answer = index % 10 == 0 ? "rare owls \(index)" : "common cats \(index)"
            let root = RunInfo(runId: UUIDv7.make(now: start), parentRunId: nil, name: "chain\(index)", runType: .chain)
            let model = RunInfo(runId: UUIDv7.make(now: start), parentRunId: root.runId, name: "model", runType: .chatModel)
            let events: [(RunEvent, RunInfo)] = [
                (.chainStart(inputs: ["q": .string("hi")]), root), (.chatModelStart(messages: [[.human("hi")]]), model),
                (.llmEnd(LLMResult(generations: [[Generation(text: answer)]])), model), (.chainEnd(outputs: .string(answer), inputs: nil), root),
            ]
            for (offset, (event, run)) in events.enumerated() {
                recorder.enqueue(QueuedEvent(event: event, run: run, time: start.addingTimeInterval(Double(offset) * 0.01)))
            }
        }
        #expect(recorder.close().warnings.isEmpty)
        return (try HistoryStore.open(path: directory + "/history.sqlite"), directory)
    }

    /// Applies `action`, then carries out the loads it asks for against `store` (as the app does).
    static func apply(_ state: inout HistoryListState, _ action: HistoryListAction, store: HistoryStore) -> [HistoryListEffect] {
        var others: [HistoryListEffect] = []
        var pending = reduce(&state, action)
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if case .load(let query) = effect { pending += reduce(&state, query.fetch(from: store)) } else { others.append(effect) }
        }
        return others
    }

    @Test func pagesLoadAsTheSelectionMovesAndNeverTwice() throws {
        let (store, directory) = try Self.history(230)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var state = HistoryListState(width: 120, height: 40, location: directory)
        _ = Self.apply(&state, .start, store: store)
        #expect(state.traces.count == HistoryListState.pageSize && state.traces.first?.name == "chain229")
        for _ in 0..<3 { _ = Self.apply(&state, .key(.pageDown), store: store) }
        #expect(state.traces.count == 2 * HistoryListState.pageSize, "a second page once the selection came within a screen of the end, not a third")
        _ = Self.apply(&state, .key(.char("G")), store: store)
        _ = Self.apply(&state, .key(.char("G")), store: store)
        #expect(state.traces.count == 230 && state.exhausted)
        #expect(state.traces.map(\.name) == (0..<230).reversed().map { "chain\($0)" }, "newest first, no gaps, no repeats")
    }

    @Test func searchGoesThroughTheFullTextIndexAndMarksStay() throws {
        let (store, directory) = try Self.history(40)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var state = HistoryListState(width: 120, height: 40, location: directory)
        _ = Self.apply(&state, .start, store: store)
        _ = Self.apply(&state, .key(.char("m")), store: store)
        for key in [Key.char("/")] + "owls".map(Key.char) + [.enter] { _ = Self.apply(&state, .key(key), store: store) }
        #expect(state.traces.map(\.name) == ["chain30", "chain20", "chain10", "chain0"])
        _ = Self.apply(&state, .key(.char("m")), store: store)
        let effects = Self.apply(&state, .key(.char("d")), store: store)
        #expect(effects.count == 1)
        guard case .compare(let a, let b)? = effects.first else { Issue.record("no compare: \(effects)"); return }
        #expect(a.name == "chain39" && b.name == "chain30", "A was marked before the search")
        _ = Self.apply(&state, .key(.escape), store: store)
        #expect(state.traces.count == 40 && state.search == nil)
    }
}

/// The window of loaded traces over a long real history: never more than `maxLoaded`.
@Suite struct HistoryWindowTests {
    @Test func scrollingALongHistoryKeepsAWindowAndReadsTheTopAgainOnTheWayBack() throws {
        let (store, directory) = try HistoryStorePagingTests.history(1200)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var state = HistoryListState(width: 120, height: 40, location: directory)
        _ = HistoryStorePagingTests.apply(&state, .start, store: store)
        var most = 0
        for _ in 0..<40 {
            _ = HistoryStorePagingTests.apply(&state, .key(.pageDown), store: store)
            most = max(most, state.traces.count)
        }
        #expect(most <= HistoryListState.maxLoaded, "never more than the window")
        #expect(state.dropped > 0 && state.dropped + state.traces.count == 1200 && state.exhausted)
        #expect(state.selectedTrace?.name == "chain0", "the oldest trace is at the end")
        let names = state.traces.map(\.name)
        var back = state
        for _ in 0..<40 {
            _ = HistoryStorePagingTests.apply(&back, .key(.pageUp), store: store)
            most = max(most, back.traces.count)
        }
        #expect(most <= HistoryListState.maxLoaded)
        #expect(back.dropped == 0 && back.selectedTrace?.name == "chain1199", "the top was read again")
        #expect(back.traces.map(\.name) == (700..<1200).reversed().map { "chain\($0)" })
        #expect(names == (0..<500).reversed().map { "chain\($0)" })
    }

    @Test func theSelectionStaysOnItsTraceWhenPagesComeAndGo() throws {
        let (store, directory) = try HistoryStorePagingTests.history(700)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var state = HistoryListState(width: 120, height: 40, location: directory)
        _ = HistoryStorePagingTests.apply(&state, .start, store: store)
        var previous = state.selectedTrace?.name
        for step in 0..<60 {
            let key: Key = step < 30 ? .pageDown : .pageUp
            let expected = Int(previous!.dropFirst(5))! + (step < 30 ? -37 : 37)
            _ = HistoryStorePagingTests.apply(&state, .key(key), store: store)
            let now = Int(state.selectedTrace!.name.dropFirst(5))!
            #expect(now == min(699, max(0, expected)), "step \(step): \(previous!) then \(state.selectedTrace!.name)")
            previous = state.selectedTrace?.name
        }
        _ = HistoryStorePagingTests.apply(&state, .key(.char("G")), store: store)
        _ = HistoryStorePagingTests.apply(&state, .key(.char("g")), store: store)
        #expect(state.dropped == 0 && state.selectedTrace?.name == "chain699", "g goes back to the newest")
    }
}
