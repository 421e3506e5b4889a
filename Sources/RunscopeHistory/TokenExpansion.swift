import Foundation
import GRDB

/// Makes the token lines a `TokenMarker` stands for, from the run's rows of `tokens`
/// (read once per run and kept while one trace is read).
struct TokenExpansion {
    /// One run's tokens: their text as UTF-8, where each starts in it, and their marks.
    private struct RunTokens {
        var bytes: [UInt8]
        var starts: [Int]
        var marks: [TokenMarks.Mark]
    }

    let db: Database
    let path: String
    private var runs: [String: RunTokens] = [:]
    /// Each run's line prefix, from its first marker.
    private var prefixes: [String: String] = [:]
    private var timestamps = TimestampText()

    init(db: Database, path: String) {
        self.db = db
        self.path = path
    }

    /// Appends the marker's token lines to `lines`.
    mutating func append(_ marker: TokenMarker, to lines: inout [String]) throws {
        if let prefix = marker.prefix { prefixes[marker.runId] = prefix }
        guard let prefix = prefixes[marker.runId] else {
            throw HistoryError("\(path): run \(marker.runId): a #tokens line in table events comes before the run's first one")
        }
        let tokens = try runTokens(marker.runId)
        guard marker.from + marker.count <= tokens.marks.count else {
            throw HistoryError("\(path): run \(marker.runId) has \(tokens.marks.count) tokens in table tokens, its events ask for \(marker.from + marker.count)")
        }
        for index in marker.from..<(marker.from + marker.count) {
            let end = index + 1 < tokens.starts.count ? tokens.starts[index + 1] : tokens.bytes.count
            let token = String(decoding: tokens.bytes[tokens.starts[index]..<end], as: UTF8.self)
            var line = ""
            TokenLine.append(prefix: prefix, micros: marker.startMicros + tokens.marks[index].micros, token: token,
                             to: &line, timestamps: &timestamps)
            lines.append(line)
        }
    }

    private mutating func runTokens(_ runId: String) throws -> RunTokens {
        if let known = runs[runId] { return known }
        var bytes: [UInt8] = []
        var marks: [TokenMarks.Mark] = []
        for row in try Row.fetchAll(db, sql: "SELECT chunk, text, marks FROM tokens WHERE run_id = ? ORDER BY chunk", arguments: [runId]) {
            guard let chunk = TokenMarks.parse(row["marks"]) else {
                throw HistoryError("\(path): run \(runId): row \(row["chunk"] as Int? ?? -1) of table tokens has marks that are not [[offset, ms], ...]")
            }
            bytes += (row["text"] as String? ?? "").utf8
            marks += chunk
        }
        let tokens = RunTokens(bytes: bytes, starts: try Self.byteStarts(bytes, marks, runId: runId, path: path), marks: marks)
        runs[runId] = tokens
        return tokens
    }

    /// Where each token starts in the text's UTF-8, from its mark's offset in code points.
    private static func byteStarts(_ bytes: [UInt8], _ marks: [TokenMarks.Mark], runId: String, path: String) throws -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(marks.count)
        var scalar = 0
        var byte = 0
        for mark in marks {
            // A code point starts at each byte that is not a continuation byte (10xxxxxx).
            while scalar < mark.offset, byte < bytes.count {
                byte += 1
                while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                scalar += 1
            }
            guard scalar == mark.offset, starts.last.map({ $0 <= byte }) ?? true else {
                throw HistoryError("\(path): run \(runId): a token mark's offset \(mark.offset) is outside its text or out of order in table tokens")
            }
            starts.append(byte)
        }
        return starts
    }
}
