import Foundation
import RunscopeHistory
import Testing

/// The pure parts of `runscope diff`: LCS, tree alignment, word diff.
@Suite struct AlignmentTests {
    typealias Tree = DiffTree<String>

    static func rows(_ a: [Tree], _ b: [Tree]) -> [String] {
        TreeAlignment.align(a, b) { $0 }.map { row in
            String(repeating: " ", count: row.depth) + "\(row.a ?? "-")|\(row.b ?? "-")"
        }
    }

    @Test func equalTreesPairByPosition() {
        let tree = Tree("seq", children: [Tree("prompt"), Tree("model"), Tree("parser")])
        #expect(Self.rows([tree], [tree]) == ["seq|seq", " prompt|prompt", " model|model", " parser|parser"])
    }

    @Test func anInsertedStepShowsAsOnlyInB() {
        let a = Tree("agent", children: [Tree("model"), Tree("tool"), Tree("model")])
        let b = Tree("agent", children: [Tree("model"), Tree("tool"), Tree("model"), Tree("tool", children: [Tree("http")]), Tree("model")])
        #expect(Self.rows([a], [b]) == [
            "agent|agent", " model|model", " tool|tool", " model|model", " -|tool", "  -|http", " -|model",
        ])
    }

    @Test func aRemovedStepShowsAsOnlyInAWithItsSubtree() {
        let a = Tree("seq", children: [Tree("prompt"), Tree("retriever", children: [Tree("embed")]), Tree("model")])
        let b = Tree("seq", children: [Tree("prompt"), Tree("model")])
        #expect(Self.rows([a], [b]) == ["seq|seq", " prompt|prompt", " retriever|-", "  embed|-", " model|model"])
    }

    @Test func aReplacedStepIsOneOfEachAndRootsAlwaysPair() {
        let a = Tree("v1", children: [Tree("x"), Tree("old"), Tree("y")])
        let b = Tree("v2", children: [Tree("x"), Tree("new"), Tree("y")])
        #expect(Self.rows([a], [b]) == ["v1|v2", " x|x", " old|-", " -|new", " y|y"])
    }

    @Test func theLongestCommonSubsequenceIsFound() {
        let pairs = LongestCommonSubsequence.pairs(Array("ABCBDAB"), Array("BDCABA"))
        #expect(pairs.count == 4)
        #expect(LongestCommonSubsequence.pairs([1, 2, 3], [4, 5]).isEmpty)
        #expect(LongestCommonSubsequence.pairs([Int](), [1]).isEmpty)
    }

    @Test func wordDiffMarksChangedWordsOnly() {
        let pieces = WordDiff.diff("Why don't bears wear shoes?", "Why don't owls wear hats?")
        #expect(WordDiff.plain(pieces) == "Why don't [-bears-]{+owls+} wear [-shoes?-]{+hats?+}")
        #expect(WordDiff.diff("same text", "same text") == [.same("same text")])
        #expect(WordDiff.plain(WordDiff.diff("a b", "a b c")) == "a b{+ c+}")
        #expect(WordDiff.plain(WordDiff.diff("", "new")) == "{+new+}")
    }

    @Test func hugeTextsAreReplacedWholeInsteadOfAQuadraticTable() {
        let a = (0..<3000).map { "a\($0)" }.joined(separator: " ")
        let b = (0..<3000).map { "b\($0)" }.joined(separator: " ")
        #expect(WordDiff.diff(a, b) == [.removed(a), .added(b)])
    }
}
