import Foundation

/// The `events` line that stands for a stretch of one run's token lines:
/// `#tokens <run id> <first token> <count> <run start, µs since 1970> [<line prefix>]`,
/// the prefix on the run's first marker only (a reader meets that one first).
/// The writer stores a run's first token line whole and every later stretch as one of
/// these; the tokens themselves are in `tokens` (text and marks) and are stored once.
/// Reading (`HistoryStore.eventLines`) makes the lines again, byte for byte: the prefix
/// (`TokenLine`), the time from the run's start and the token's mark, and the token.
/// No event line starts with `#`: a JSON text cannot.
struct TokenMarker: Equatable {
    static let tag = "#tokens "

    var runId: String
    /// The index of the stretch's first token among the run's tokens.
    var from: Int
    var count: Int
    var startMicros: Int64
    /// The run's token lines up to `"time":` (see `TokenLine.prefix`), on its first marker.
    var prefix: String?

    init(runId: String, from: Int, count: Int, startMicros: Int64, prefix: String?) {
        self.runId = runId
        self.from = from
        self.count = count
        self.startMicros = startMicros
        self.prefix = prefix
    }

    /// Parses a stored line; `nil` when it is not a marker.
    init?<Bytes: Collection<UInt8>>(line: Bytes) {
        guard line.starts(with: Self.tag.utf8) else { return nil }
        let fields = line.dropFirst(Self.tag.utf8.count).split(separator: UInt8(ascii: " "), maxSplits: 4, omittingEmptySubsequences: false)
        guard fields.count == 4 || fields.count == 5,
              let from = Int(String(decoding: fields[1], as: UTF8.self)), from >= 0,
              let count = Int(String(decoding: fields[2], as: UTF8.self)), count > 0,
              let start = Int64(String(decoding: fields[3], as: UTF8.self)) else { return nil }
        self.init(runId: String(decoding: fields[0], as: UTF8.self), from: from, count: count, startMicros: start,
                  prefix: fields.count == 5 ? String(decoding: fields[4], as: UTF8.self) : nil)
    }

    /// Appends the marker's line to `out`.
    func append(to out: inout String) {
        out += Self.tag
        out += runId
        out += " "
        out += String(from)
        out += " "
        out += String(count)
        out += " "
        out += String(startMicros)
        if let prefix {
            out += " "
            out += prefix
        }
    }
}
