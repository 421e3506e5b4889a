/// The longest common subsequence of two sequences: the index pairs that match, in order.
public enum LongestCommonSubsequence {
    /// Matched `(indexInA, indexInB)` pairs, increasing in both; among equally long
    /// answers, the one matching earliest in `a`.
    /// A common prefix and suffix are matched first; a middle larger than `maxCells`
    /// pairs of items is left unmatched (the table would be too big).
    public static func pairs<T: Equatable>(_ a: [T], _ b: [T], maxCells: Int = 4_000_000) -> [(Int, Int)] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        let middle = midA.count * midB.count > maxCells ? [] : table(midA, midB).map { ($0.0 + prefix, $0.1 + prefix) }
        return (0..<prefix).map { ($0, $0) } + middle
            + (0..<suffix).reversed().map { (a.count - 1 - $0, b.count - 1 - $0) }
    }

    private static func table<T: Equatable>(_ a: [T], _ b: [T]) -> [(Int, Int)] {
        let n = a.count, m = b.count
        guard n > 0, m > 0 else { return [] }
        // lengths[i][j]: LCS length of a[i...] and b[j...], flattened.
        var lengths = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i * (m + 1) + j] = a[i] == b[j]
                    ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
            }
        }
        var result: [(Int, Int)] = []
        var i = 0, j = 0
        while i < n && j < m {
            if a[i] == b[j] {
                result.append((i, j))
                i += 1
                j += 1
            } else if lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}
