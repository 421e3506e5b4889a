import RunscopeProviders

/// SSEParser: the stream fed whole, split at one point, or byte by byte gives the same
/// events, the same last event id and reconnection time.
enum SSEFuzz {
    static func run(_ bytes: [UInt8]) {
        let (split, rest) = bytes.splitPoint()
        let stream = Array(rest)
        let whole = parse([stream[...]])
        let halves = parse([stream[..<split], stream[split...]])
        fuzzCheck(whole == halves, "split at \(split) gave other events: \(whole) vs \(halves)")
        if stream.count <= 256 {
            let single = parse(stream.indices.map { stream[$0...$0] })
            fuzzCheck(whole == single, "byte by byte gave other events: \(whole) vs \(single)")
        }
    }

    private struct Outcome: Equatable {
        var events: [SSEEvent]
        var lastEventID: String
        var retry: Int?
        var incomplete: Bool
    }

    private static func parse(_ chunks: [ArraySlice<UInt8>]) -> Outcome {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for chunk in chunks { parser.feed(chunk, into: &events) }
        events += parser.finish()
        return Outcome(events: events, lastEventID: parser.lastEventID, retry: parser.reconnectionTime, incomplete: parser.hadIncompleteEvent)
    }
}
