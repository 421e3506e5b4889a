import Foundation
import GRDB

extension HistoryStore {
    /// The trace a reference names: a trace id, a unique prefix of one, `last` or `last~N`
    /// (N traces before the newest). A reference that names none or several says so.
    public func resolve(_ reference: String) throws(HistoryError) -> TraceSummary {
        let ref = reference.lowercased()
        if ref == "last" || ref.hasPrefix("last~") { return try nth(from: ref, reference: reference) }
        guard !ref.isEmpty, ref.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw HistoryError("'\(reference)': not a run reference (a trace id or a prefix of one, last, last~N)")
        }
        let matches = try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.summaryColumns) FROM traces WHERE id >= ? AND id < ? ORDER BY start_time DESC LIMIT 6",
                arguments: [ref, ref + "\u{7f}"]
            ).map(Self.summary)
        }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw HistoryError("'\(reference)': no trace in the history matches (see runscope runs)") }
        let shown = matches.prefix(5).map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        throw HistoryError("'\(reference)': matches \(matches.count > 5 ? "more than 5" : "\(matches.count)") traces: \(shown)")
    }

    private func nth(from ref: String, reference: String) throws(HistoryError) -> TraceSummary {
        let back = ref == "last" ? 0 : Int(ref.dropFirst(5))
        guard let back, back >= 0 else {
            throw HistoryError("'\(reference)': not a run reference (last~N needs a number N >= 0)")
        }
        let found = try database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.summaryColumns) FROM traces ORDER BY start_time DESC LIMIT 1 OFFSET ?", arguments: [back]
            ).map(Self.summary)
        }
        guard let found else {
            let count = try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM traces") ?? 0 }
            throw HistoryError("'\(reference)': the history has \(count) trace\(count == 1 ? "" : "s")")
        }
        return found
    }
}
