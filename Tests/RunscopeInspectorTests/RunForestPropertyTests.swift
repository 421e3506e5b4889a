import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// The incrementally kept row list always equals a from-scratch walk of the tree.
@Suite struct RunForestPropertyTests {
    /// A small deterministic generator (SplitMix64).
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// Visible rows by walking the roots, honouring expansion.
    static func reference(_ forest: RunForest) -> [Int] {
        var rows: [Int] = []
        func walk(_ index: Int) {
            rows.append(index)
            if forest[index].expanded { forest[index].children.forEach(walk) }
        }
        forest.roots.forEach(walk)
        return rows
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomStartsFoldsAndOrphansKeepRowsRight(seed: UInt64) {
        var random = Random(state: seed)
        var script = EventScript()
        var state = startedState()
        var names: [String] = []
        for round in 0..<40 {
            var batch: [TimedEvent] = []
            for index in 0..<Int.random(in: 1...30, using: &random) {
                let name = "r\(round)-\(index)"
                let parent: String? = names.isEmpty || Int.random(in: 0..<10, using: &random) == 0
                    ? (Bool.random(using: &random) ? nil : "future\(round + 1)") : names.randomElement(using: &random)
                batch.append(script.start(name, parent: parent, type: Bool.random(using: &random) ? .chain : .chatModel))
                names.append(name)
            }
            if round > 0 { batch.append(script.start("future\(round)")) }
            _ = reduce(&state, .events(batch))
            if let index = (0..<state.forest.count).randomElement(using: &random), !state.forest[index].children.isEmpty {
                state.forest.setExpanded(index, !state.forest[index].expanded)
                state.forest.ensureRows()
            }
            #expect(state.forest.rows == Self.reference(state.forest), "round \(round)")
        }
        for (row, node) in state.forest.rows.enumerated() { #expect(state.forest.row(of: node) == row) }
        let total = state.forest.roots.reduce(0) { $0 + 1 + state.forest[$1].descendantCount }
        #expect(total == state.forest.count)
    }
}
