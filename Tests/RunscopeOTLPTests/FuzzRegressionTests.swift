import Foundation
import RunscopeCore
import RunscopeOTLP
import Testing

/// Inputs the `otlp-json` fuzz target found (docs/hardening.md), kept as tests.
@Suite struct FuzzRegressionTests {
    /// The events the receiver delivers for a JSON body, what waited included.
    static func delivered(_ body: String) throws -> [ReceivedEvent] {
        let request = try OTLPJSONDecoder.decode(Array(body.utf8))
        var assembler = TraceAssembler()
        var skipped = 0
        var out: [ReceivedEvent] = []
        for run in SpanTranslator.runs(request, skipped: &skipped) { assembler.receive(run, into: &out) }
        return out + assembler.flush()
    }

    /// Each run starts once and ends at most once, after its start.
    static func startsAndEndsOnce(_ events: [ReceivedEvent]) -> Bool {
        var started = Set<UUID>()
        var ended = Set<UUID>()
        for item in events {
            if item.event.isStart {
                guard started.insert(item.run.runId).inserted else { return false }
            } else if item.event.isEnd {
                guard started.contains(item.run.runId), ended.insert(item.run.runId).inserted else { return false }
            }
        }
        return true
    }

    @Test func aRepeatThatWaitedBesideTheFirstCopyEndsOnce() throws {
        let span = #"{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0000000000000002","parentSpanId":"0000000000000001","name":"child","startTimeUnixNano":"1","endTimeUnixNano":"2"}"#
        let events = try Self.delivered(#"{"resourceSpans":[{"scopeSpans":[{"spans":[\#(span),\#(span)]}]}]}"#)
        #expect(events.map(\.event.name) == ["on_chain_start", "on_chain_end"])
        // The same when the parent does come.
        let root = #"{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0000000000000001","name":"root","startTimeUnixNano":"0","endTimeUnixNano":"3"}"#
        let withParent = try Self.delivered(#"{"resourceSpans":[{"scopeSpans":[{"spans":[\#(span),\#(span),\#(root)]}]}]}"#)
        #expect(withParent.count == 4 && Self.startsAndEndsOnce(withParent))
    }

    @Test func aSpanThatIsItsOwnParentThenARootWithItsIdsStartsAndEndsOnce() throws {
        let body = #"""
            {"resourceSpans":[{"scopeSpans":[{"spans":[
            {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0000000000000001","parentSpanId":"0000000000000001","name":"child","startTimeUnixNano":"2000","endTimeUnixNano":"2000"},
            {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0000000000000001","name":"root","startTimeUnixNano":"900","endTimeUnixNano":"3000"}]}]}]}
            """#
        #expect(Self.startsAndEndsOnce(try Self.delivered(body)))
    }

    @Test func anIdWithANewlineIsAOneLineError() {
        #expect {
            try OTLPJSONDecoder.decode(Array(#"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"a\nb"}]}]}]}"#.utf8))
        } throws: { error in
            let message = (error as? OTLPDecodeError)?.message ?? ""
            return !message.contains("\n") && message.contains(#"found "a\nb""#)
        }
    }

    @Test func tracesThatShareTheirFirstHalfGiveDistinctRuns() throws {
        let body = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708aaaaaaaaaaaaaaaa","spanId":"0000000000000001"},{"traceId":"0102030405060708bbbbbbbbbbbbbbbb","spanId":"0000000000000001"}]}]}]}"#
        let events = try Self.delivered(body)
        #expect(Set(events.map(\.run.runId)).count == 2)
        #expect(Self.startsAndEndsOnce(events))
    }
}
