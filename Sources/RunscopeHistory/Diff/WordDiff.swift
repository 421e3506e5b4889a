/// A word-level diff of two texts (words and the spaces between them are the units).
public enum WordDiff {
    /// One piece of the diff.
    public enum Piece: Sendable, Equatable {
        case same(String), removed(String), added(String)
    }

    /// Above this many unit pairs the middle is shown as replaced whole (the table would be too big).
    static let maxCells = 4_000_000

    /// The pieces turning `a` into `b`, adjacent pieces of a kind merged.
    public static func diff(_ a: String, _ b: String) -> [Piece] {
        let x = units(a), y = units(b)
        var prefix = 0
        while prefix < x.count, prefix < y.count, x[prefix] == y[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < x.count - prefix, suffix < y.count - prefix, x[x.count - 1 - suffix] == y[y.count - 1 - suffix] { suffix += 1 }
        let midA = Array(x[prefix..<(x.count - suffix)]), midB = Array(y[prefix..<(y.count - suffix)])
        var pieces = x[..<prefix].map(Piece.same)
        if midA.count * midB.count > maxCells {
            pieces += midA.map(Piece.removed) + midB.map(Piece.added)
        } else {
            var i = 0, j = 0
            for (mi, mj) in LongestCommonSubsequence.pairs(midA, midB) + [(midA.count, midB.count)] {
                pieces += midA[i..<mi].map(Piece.removed) + midB[j..<mj].map(Piece.added)
                if mi < midA.count { pieces.append(.same(midA[mi])) }
                i = mi + 1
                j = mj + 1
            }
        }
        pieces += x[(x.count - suffix)...].map(Piece.same)
        return merged(pieces)
    }

    /// Runs of spaces and runs of other characters.
    static func units(_ text: String) -> [String] {
        var units: [String] = []
        var current = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace != inSpace, !current.isEmpty {
                units.append(current)
                current = ""
            }
            inSpace = character.isWhitespace
            current.append(character)
        }
        if !current.isEmpty { units.append(current) }
        return units
    }

    /// Adjacent pieces of a kind as one; each run's text is built in place (linear time).
    private static func merged(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        var kind = -1
        var text = ""
        func flush() {
            switch kind {
            case 0: result.append(.same(text))
            case 1: result.append(.removed(text))
            case 2: result.append(.added(text))
            default: break
            }
        }
        for piece in pieces {
            let (pieceKind, pieceText): (Int, String)
            switch piece {
            case .same(let t): (pieceKind, pieceText) = (0, t)
            case .removed(let t): (pieceKind, pieceText) = (1, t)
            case .added(let t): (pieceKind, pieceText) = (2, t)
            }
            if pieceKind != kind {
                flush()
                kind = pieceKind
                text = ""
            }
            text += pieceText
        }
        flush()
        return result
    }

    /// The diff as plain text: removed words as `[-…-]`, added as `{+…+}` (git's word-diff style).
    public static func plain(_ pieces: [Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case .same(let text): return text
            case .removed(let text): return "[-\(text)-]"
            case .added(let text): return "{+\(text)+}"
            }
        }.joined()
    }
}
