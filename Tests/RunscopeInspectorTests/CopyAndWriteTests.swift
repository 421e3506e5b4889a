import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// `y` and `w` ask the app to copy the selected run's tab and to write its subtree; what
/// is written (`SubtreeExport`) nests the runs as the tree does.
@Suite struct CopyAndWriteTests {
    @Test func yAndWNameTheSelectedRunAndTab() {
        var (state, _) = ReducerKeyTests.tree()
        _ = reduce(&state, .key(.char("g")))
        _ = reduce(&state, .key(.down))
        let selected = try? #require(state.selected)
        _ = reduce(&state, .key(.char("3")))
        #expect(reduce(&state, .key(.char("y"))) == [.copyPane(run: selected!, tab: .output)])
        #expect(reduce(&state, .key(.char("w"))) == [.writeSubtree(run: selected!)])
        #expect(KeyMap.help.contains { $0.keys == "y  w" })
    }

    @Test func withNothingSelectedTheyOnlySaySo() {
        var state = startedState()
        #expect(reduce(&state, .key(.char("y"))).isEmpty && state.message == "No run to copy")
        #expect(reduce(&state, .key(.char("w"))).isEmpty && state.message == "No run to write")
    }

    @Test func theExportNestsTheSubtreeWithItsFields() throws {
        var (state, script) = ReducerKeyTests.tree()
        _ = reduce(&state, .events([script.token("m", "Hel"), script.token("m", "lo")]))
        let a = try #require(state.forest.index(of: script.id("a")))
        let root = try #require(state.forest.index(of: script.id("root")))
        #expect(SubtreeExport.runCount(state.forest, from: a) == 3)
        #expect(SubtreeExport.runCount(state.forest, from: root) == 7)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(SubtreeExport.json(state.forest, from: root).utf8)) as? [String: Any])
        let children = try #require(json["children"] as? [[String: Any]])
        #expect(json["name"] as? String == "root" && json["status"] as? String == "running")
        #expect(children.map { $0["name"] as? String } == ["a", "b", "m"])
        #expect((children[0]["children"] as? [[String: Any]])?.map { $0["name"] as? String } == ["a1", "a2"])
        let model = children[2]
        #expect(model["run_type"] as? String == "chat_model")
        #expect(model["streamed_text"] as? String == "Hello" && model["streamed_tokens"] as? Int == 2)
        #expect(model["parent_run_id"] as? String == script.id("root").uuidString.lowercased())
        #expect(json["end_time"] == nil, "a running run has no end")
    }
}
