import Foundation
import RunscopeCore
import RunscopeOTLP
import Testing

/// The order runs are delivered in: parents first, once each; pending spans; orphans.
@Suite struct TraceAssemblerTests {
    static let trace = Data((1...16).map { UInt8($0) })

    /// A span of `trace` with a one-byte span id, a parent's, a name and start/end in ms.
    static func span(_ id: UInt8, parent: UInt8? = nil, _ name: String, start: UInt64, end: UInt64, pending: UInt8? = nil) -> OTLPSpan {
        var span = OTLPSpan()
        span.traceID = trace
        span.spanID = Data([0, 0, 0, 0, 0, 0, 0, id])
        if let parent { span.parentSpanID = Data([0, 0, 0, 0, 0, 0, 0, parent]) }
        span.name = name
        span.startTimeUnixNano = start * 1_000_000
        span.endTimeUnixNano = end * 1_000_000
        if let pending {
            var kind = OTLPKeyValue()
            kind.key = "logfire.span_type"
            kind.value.stringValue = "pending_span"
            var real = OTLPKeyValue()
            real.key = "logfire.pending_parent_id"
            real.value.stringValue = pending == 0 ? "0000000000000000" : String(format: "%016x", pending)
            span.attributes = [kind, real]
        }
        return span
    }

    static func run(_ span: OTLPSpan) throws -> ReceivedRun {
        try #require(SpanTranslator.run(span, resource: SpanTranslator.Resource(OTLPResource())))
    }

    /// `name:start` / `name:end` for each event.
    static func names(_ events: [ReceivedEvent]) -> [String] {
        events.map { "\($0.run.name):\($0.event.isStart ? "start" : "end")" }
    }

    @Test func childrenThatArriveFirstWaitForTheirParentAndComeOutInStartOrder() throws {
        var assembler = TraceAssembler()
        #expect(assembler.receive(try Self.run(Self.span(3, parent: 2, "grandchild", start: 3, end: 4))).isEmpty)
        #expect(assembler.receive(try Self.run(Self.span(4, parent: 1, "second", start: 6, end: 7))).isEmpty)
        #expect(assembler.receive(try Self.run(Self.span(2, parent: 1, "first", start: 2, end: 5))).isEmpty)
        #expect(assembler.waitingCount == 3)
        let out = assembler.receive(try Self.run(Self.span(1, "root", start: 1, end: 8)))
        #expect(Self.names(out) == [
            "root:start", "first:start", "grandchild:start", "grandchild:end", "first:end", "second:start", "second:end", "root:end",
        ])
        #expect(assembler.waitingCount == 0)
        let root = try #require(out.first)
        #expect(root.run.parentRunId == nil)
        #expect(out[1].run.parentRunId == root.run.runId)
        #expect(out[2].run.parentRunId == out[1].run.runId)
    }

    @Test func aSpanSentTwiceIsDeliveredOnce() throws {
        var assembler = TraceAssembler()
        let root = try Self.run(Self.span(1, "root", start: 1, end: 2))
        #expect(assembler.receive(root).count == 2)
        #expect(assembler.receive(root).isEmpty)
        // A late child of an ended root still comes out under it.
        let late = assembler.receive(try Self.run(Self.span(2, parent: 1, "late", start: 1, end: 2)))
        #expect(Self.names(late) == ["late:start", "late:end"])
        #expect(late.first?.run.parentRunId == root.run.runId)
    }

    @Test func aPendingSpanStartsItsRunAndTheRealSpanEndsIt() throws {
        var assembler = TraceAssembler()
        // Logfire: a pending span's parent is the real span; logfire.pending_parent_id is the real span's parent.
        let started = assembler.receive(try Self.run(Self.span(100, parent: 1, "root", start: 1, end: 1, pending: 0)))
        #expect(Self.names(started) == ["root:start"])
        #expect(started.first?.run.parentRunId == nil)
        let child = assembler.receive(try Self.run(Self.span(101, parent: 2, "step", start: 2, end: 2, pending: 1)))
        #expect(Self.names(child) == ["step:start"])
        #expect(child.first?.run.parentRunId == started.first?.run.runId)
        let grandchild = assembler.receive(try Self.run(Self.span(3, parent: 2, "tool", start: 3, end: 4)))
        #expect(Self.names(grandchild) == ["tool:start", "tool:end"])
        let stepEnd = assembler.receive(try Self.run(Self.span(2, parent: 1, "step", start: 2, end: 5)))
        #expect(Self.names(stepEnd) == ["step:end"])
        #expect(stepEnd.first?.run.runId == child.first?.run.runId)
    }

    @Test func whatNeverGetsItsParentIsShownAsARootAtTheEnd() throws {
        var assembler = TraceAssembler()
        #expect(assembler.receive(try Self.run(Self.span(5, parent: 4, "under-orphan", start: 6, end: 7))).isEmpty)
        #expect(assembler.receive(try Self.run(Self.span(4, parent: 77, "orphan", start: 5, end: 8))).isEmpty)
        let out = assembler.flush()
        #expect(Self.names(out) == ["orphan:start", "under-orphan:start", "under-orphan:end", "orphan:end"])
        #expect(out.first?.run.parentRunId == nil)
        #expect(out.first?.run.metadata["otel.parent_span_id"] == .string(String(format: "%016x", 77)))
        #expect(out[1].run.parentRunId == out[0].run.runId)
        #expect(assembler.waitingCount == 0)
        #expect(assembler.flush().isEmpty)
    }

    @Test func aCycleOfParentsIsBrokenNotLooped() throws {
        var assembler = TraceAssembler()
        _ = assembler.receive(try Self.run(Self.span(1, parent: 2, "a", start: 1, end: 2)))
        _ = assembler.receive(try Self.run(Self.span(2, parent: 1, "b", start: 1, end: 2)))
        let out = assembler.flush()
        #expect(Set(out.map(\.run.name)) == ["a", "b"])
        #expect(out.count == 4)
    }

    @Test func pastTheWaitLimitAnOrphanIsShownAtOnce() throws {
        var assembler = TraceAssembler(waitLimit: 2)
        for id in UInt8(10)..<12 { #expect(assembler.receive(try Self.run(Self.span(id, parent: 99, "w\(id)", start: 1, end: 2))).isEmpty) }
        let out = assembler.receive(try Self.run(Self.span(12, parent: 99, "third", start: 1, end: 2)))
        #expect(Self.names(out) == ["third:start", "third:end"])
        #expect(out.first?.run.parentRunId == nil)
    }

    @Test func spansWithoutIdsAreSkippedAndCounted() {
        var request = OTLPExportRequest()
        var resourceSpans = OTLPResourceSpans()
        var scope = OTLPScopeSpans()
        var noTrace = Self.span(1, "a", start: 1, end: 2)
        noTrace.traceID = Data(count: 16)
        var shortSpan = Self.span(2, "b", start: 1, end: 2)
        shortSpan.spanID = Data([1, 2])
        scope.spans = [noTrace, shortSpan, Self.span(3, "c", start: 1, end: 2)]
        resourceSpans.scopeSpans = [scope]
        request.resourceSpans = [resourceSpans]
        var skipped = 0
        #expect(SpanTranslator.runs(request, skipped: &skipped).map(\.run.name) == ["c"])
        #expect(skipped == 2)
    }
}
