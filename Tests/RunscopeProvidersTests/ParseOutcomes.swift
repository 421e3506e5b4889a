import RunscopeProviders

/// Everything an SSE parse produces: the events and the truncation flag.
struct SSEParseOutcome: Equatable, CustomStringConvertible {
    var events: [SSEEvent]
    var hadIncompleteEvent: Bool

    /// Parses `chunks` in order with a fresh parser.
    init(chunks: [ArraySlice<UInt8>]) {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for chunk in chunks { events += parser.feed(chunk) }
        events += parser.finish()
        self.events = events
        self.hadIncompleteEvent = parser.hadIncompleteEvent
    }

    /// Parses `bytes` fed as one chunk.
    init(whole bytes: [UInt8]) { self.init(chunks: [bytes[...]]) }

    var description: String { "\(events) incomplete=\(hadIncompleteEvent)" }
}

/// Everything an NDJSON split produces: the lines (including the one from `finish()`).
struct NDJSONSplitOutcome: Equatable {
    var lines: [[UInt8]]

    /// Splits `chunks` in order with a fresh splitter (default limit).
    init(chunks: [ArraySlice<UInt8>]) throws {
        var splitter = NDJSONLineSplitter()
        var lines: [[UInt8]] = []
        for chunk in chunks { lines += try splitter.feed(chunk) }
        if let last = try splitter.finish() { lines.append(last) }
        self.lines = lines
    }

    /// The lines decoded as UTF-8.
    var strings: [String] { lines.map { String(decoding: $0, as: UTF8.self) } }
}
