/// What came of the batches: spans sent, rejected and given up on, and the first reason
/// of each kind, turned into the exporter's report at close.
struct ExportOutcome: Sendable {
    private(set) var exported = 0
    private(set) var failed = 0
    private(set) var rejected = 0
    private var rejectedMessage = ""
    private var failure: String?
    /// The last batch could not reach the endpoint (no connection), and none has since.
    private(set) var unreachable = false

    /// A batch of `count` spans was taken (`rejected` of them refused, as partial success says).
    mutating func sent(_ count: Int, rejected: Int, message: String) {
        exported += count - rejected
        self.rejected += rejected
        if rejected > 0, rejectedMessage.isEmpty { rejectedMessage = message }
        unreachable = false
    }

    /// A batch of `count` spans was given up on, for `reason`.
    mutating func fail(_ count: Int, reason: String, connection: Bool = false) {
        failed += count
        if failure == nil { failure = reason }
        unreachable = connection
    }

    /// The report: at most one line for failures, one for rejections, one for drops.
    func report(endpoint: String, dropped: Int) -> OTLPExporter.Report {
        var report = OTLPExporter.Report(exported: exported, failed: failed + rejected, dropped: dropped)
        if failed > 0, let failure {
            report.warnings.append("otlp: \(endpoint): \(failure); \(failed) span\(failed == 1 ? "" : "s") not exported")
        }
        if rejected > 0 {
            let why = rejectedMessage.isEmpty ? "" : " (\(rejectedMessage))"
            report.warnings.append("otlp: \(endpoint) rejected \(rejected) span\(rejected == 1 ? "" : "s")\(why)")
        }
        if dropped > 0 {
            report.warnings.append("otlp: \(dropped) event\(dropped == 1 ? "" : "s") dropped (the export queue was full)")
        }
        return report
    }
}
