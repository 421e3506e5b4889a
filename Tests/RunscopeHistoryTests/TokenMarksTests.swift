import Foundation
import Testing

@testable import RunscopeHistory

/// A token's mark is written as ms to the microsecond and read back exactly (no floating
/// point either way), and a damaged mark is refused rather than guessed.
@Suite struct TokenMarksTests {
    @Test func marksReadBackExactly() throws {
        let values: [Int64] = [0, 1, 5, 9, 10, 42, 50, 99, 100, 120, 500, 999, 1_000, 1_001, 1_010, 12_345_678, 1 << 40,
                               -1, -42, -1_000, -1_000_001]
        var bytes: [UInt8] = []
        var expected: [TokenMarks.Mark] = []
        for (offset, micros) in values.enumerated() {
            TokenMarks.appendMark(offset: offset * 7, micros: micros, to: &bytes)
            expected.append(TokenMarks.Mark(offset: offset * 7, micros: micros))
        }
        let text = "[" + String(decoding: bytes, as: UTF8.self) + "]"
        #expect(text.hasPrefix("[[0,0],[7,0.001],[14,0.005],[21,0.009],[28,0.01],[35,0.042],[42,0.05],"))
        #expect(text.contains("[63,0.12],[70,0.5],[77,0.999],[84,1],[91,1.001],[98,1.01],[105,12345.678]"))
        #expect(TokenMarks.parse(text) == expected)
        // Schema v2's marks (two decimals) and spaces, as sqlite3's json() would leave them.
        #expect(TokenMarks.parse("[[0, 3], [4, 12.5], [9, 0.07]]") == [.init(offset: 0, micros: 3_000), .init(offset: 4, micros: 12_500), .init(offset: 9, micros: 70)])
        #expect(TokenMarks.parse("[]") == [])
    }

    @Test func damagedMarksAreRefused() {
        for text in ["", "[", "[[0,1]", "[[0,1],]", "[[0]]", "[[a,1]]", "[[0,1.]]", "[[0,1]] x", "{}", "[[0,-]]"] {
            #expect(TokenMarks.parse(text) == nil, "\(text)")
        }
    }
}
