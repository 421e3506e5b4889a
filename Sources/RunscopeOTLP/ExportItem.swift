import Foundation
import RunscopeCore

/// One thing the chain handed the exporter: an event of a run, or a streamed token
/// (by its run id alone, the stream's fast path), with the time it came.
struct ExportItem: Sendable {
    enum Kind: Sendable {
        case event(RunEvent, RunInfo)
        /// The token's text is kept only when tokens become span events.
        case token(String?, UUID)
    }

    var kind: Kind
    var time: Date
}
