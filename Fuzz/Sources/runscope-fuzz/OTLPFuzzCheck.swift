import Foundation
import RunscopeCore
import RunscopeOTLP

/// What the OTLP targets (`otlp-protobuf`, `otlp-json`) check alike: decoding gives a
/// request or a one-line OTLPDecodeError; a request serialized again decodes to the same
/// request; its spans translate to runs (each a run or skipped), which a TraceAssembler puts
/// in order: a run starts once, before anything else of it, and ends at most once, last.
enum OTLPFuzzCheck {
    typealias Outcome = Result<OTLPExportRequest, OTLPDecodeError>

    /// `OTLPBody.decode`, its error checked: it has a message, and the message is one line.
    static func decode(_ bytes: [UInt8], _ encoding: OTLPBody.Encoding, contentEncoding: String? = nil) -> Outcome {
        do {
            return .success(try OTLPBody.decode(bytes, encoding: encoding, contentEncoding: contentEncoding))
        } catch {
            checkError(error)
            return .failure(error)
        }
    }

    /// `OTLPBody.batch` of a protobuf body (the direct reader), its error checked as `decode`'s.
    static func batch(_ bytes: [UInt8]) -> Result<SpanBatch, OTLPDecodeError> {
        do {
            return .success(try OTLPBody.batch(bytes, encoding: .protobuf, contentEncoding: nil))
        } catch {
            checkError(error)
            return .failure(error)
        }
    }

    /// A decode error has a message, on one line, and is not about size.
    private static func checkError(_ error: OTLPDecodeError) {
        fuzzCheck(!error.message.isEmpty, "the decode error has no message")
        fuzzCheck(!error.message.utf8.contains(where: { $0 == 10 || $0 == 13 }), "the decode error is not one line: \(error)")
        fuzzCheck(!error.tooLarge, "a body under the limit is too large: \(error)")
    }

    /// The same request, or the same error.
    static func same(_ a: Outcome, _ b: Outcome) -> Bool {
        switch (a, b) {
        case let (.success(x), .success(y)): same(x, y)
        case let (.failure(x), .failure(y)): x == y
        default: false
        }
    }

    /// Equal requests; a NaN double is not equal to itself, so equal bytes count too.
    static func same(_ a: OTLPExportRequest, _ b: OTLPExportRequest) -> Bool {
        if a == b { return true }
        guard let x = try? a.serializedBytes() as [UInt8], let y = try? b.serializedBytes() as [UInt8] else { return false }
        return x == y
    }

    /// The request serialized (protobuf) decodes to the same request.
    static func checkRoundTrip(_ request: OTLPExportRequest) {
        let bytes: [UInt8]
        do { bytes = try request.serializedBytes() } catch {
            fuzzCheck(false, "a decoded request does not serialize: \(error)")
            return
        }
        switch decode(bytes, .protobuf) {
        case .success(let again):
            fuzzCheck(same(again, request), "serialized again (\(bytes.count) bytes), the request decodes to another one")
        case .failure(let error):
            fuzzCheck(false, "serialized again (\(bytes.count) bytes), the request does not decode: \(error)")
        }
    }

    /// SpanTranslator.runs, then a TraceAssembler (every run received, then `flush()`), with
    /// the default wait limit and with a limit of 1 (orphans shown at once).
    static func checkRuns(_ request: OTLPExportRequest) {
        checkRuns(SpanBatch(request))
    }

    /// As `checkRuns(_:)` for a request, for a batch.
    static func checkRuns(_ batch: SpanBatch) {
        var skipped = 0
        let runs = SpanTranslator.runs(batch, skipped: &skipped)
        let spans = batch.spanCount
        fuzzCheck(runs.count + skipped == spans, "\(spans) spans gave \(runs.count) runs and \(skipped) skipped")
        for waitLimit in [100_000, 1] {
            var assembler = TraceAssembler(waitLimit: waitLimit)
            var events: [ReceivedEvent] = []
            for run in runs { assembler.receive(run, into: &events) }
            events += assembler.flush()
            fuzzCheck(assembler.waitingCount == 0, "\(assembler.waitingCount) runs still wait after flush (wait limit \(waitLimit))")
            checkOrder(events, runs: runs.count, waitLimit: waitLimit)
        }
    }

    /// Each run's events: one start first, then what happens in it, then at most one end.
    private static func checkOrder(_ events: [ReceivedEvent], runs: Int, waitLimit: Int) {
        var started: Set<UUID> = []
        var ended: Set<UUID> = []
        for (index, item) in events.enumerated() {
            let id = item.run.runId
            let place = "event \(index) of \(events.count) (\(runs) runs, wait limit \(waitLimit))"
            if item.event.isStart {
                fuzzCheck(!started.contains(id), "run \(id) \"\(item.run.name)\" started again at \(place)")
                started.insert(id)
                continue
            }
            fuzzCheck(started.contains(id), "run \(id) \"\(item.run.name)\" had \(item.event.name) before its start at \(place)")
            fuzzCheck(!ended.contains(id), "run \(id) \"\(item.run.name)\" had \(item.event.name) after its end at \(place)")
            if item.event.isEnd { ended.insert(id) }
        }
    }
}
