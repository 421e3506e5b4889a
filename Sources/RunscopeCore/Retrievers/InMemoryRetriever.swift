import Foundation

/// Ranks documents held in memory by Okapi BM25 and returns the best `k`
/// (documents sharing no term with the query are left out).
public struct InMemoryRetriever: Retriever {
    public let documents: [Document]
    public let k: Int
    public let name: String
    public let callbacks: [any CallbackHandler]
    private let index: BM25Index

    /// A retriever over `documents` returning at most `k` of them.
    public init(documents: [Document], k: Int = 4, name: String = "InMemoryRetriever", callbacks: [any CallbackHandler] = []) {
        self.documents = documents
        self.k = k
        self.name = name
        self.callbacks = callbacks
        self.index = BM25Index(documents.map(\.pageContent))
    }

    public func retrieve(_ query: String) async throws -> [Document] {
        index.rank(query).prefix(k).map { documents[$0] }
    }
}

/// An Okapi BM25 index (k1 = 1.5, b = 0.75) over lower-cased alphanumeric terms.
struct BM25Index: Sendable {
    private let termCounts: [[String: Int]]
    private let lengths: [Int]
    private let documentFrequency: [String: Int]
    private let averageLength: Double

    init(_ texts: [String]) {
        termCounts = texts.map { text in Self.terms(text).reduce(into: [:]) { $0[$1, default: 0] += 1 } }
        lengths = texts.map { Self.terms($0).count }
        documentFrequency = termCounts.reduce(into: [:]) { df, counts in for term in counts.keys { df[term, default: 0] += 1 } }
        averageLength = lengths.isEmpty ? 0 : Double(lengths.reduce(0, +)) / Double(lengths.count)
    }

    /// Lower-cased runs of letters and digits.
    static func terms(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Indexes of documents with a positive score, best first (ties keep document order).
    func rank(_ query: String) -> [Int] {
        let queryTerms = Set(Self.terms(query))
        let n = Double(termCounts.count)
        let scores = termCounts.indices.map { i -> Double in
            queryTerms.reduce(0) { sum, term in
                guard let tf = termCounts[i][term].map(Double.init) else { return sum }
                let df = Double(documentFrequency[term] ?? 0)
                let idf = log(1 + (n - df + 0.5) / (df + 0.5))
                let norm = tf + 1.5 * (1 - 0.75 + 0.75 * Double(lengths[i]) / max(averageLength, 1))
                return sum + idf * tf * 2.5 / norm
            }
        }
        return scores.indices.filter { scores[$0] > 0 }.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
    }
}
