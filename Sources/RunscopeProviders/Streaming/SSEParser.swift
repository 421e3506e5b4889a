/// An incremental parser for `text/event-stream` bodies (OpenAI, Anthropic, …) that
/// follows the WHATWG HTML "Parsing an event stream" algorithm.
///
/// Feed it chunks exactly as they arrive; chunk boundaries may fall anywhere,
/// including inside a UTF-8 sequence, inside the leading BOM, or between the CR and
/// LF of a CRLF. Field values are decoded as UTF-8 (invalid bytes become U+FFFD) only
/// once their whole line is available, so results never depend on how the stream was cut.
///
/// ```swift
/// var parser = SSEParser()
/// for chunk in body { for event in parser.feed(chunk) { handle(event) } }
/// _ = parser.finish()
/// if parser.hadIncompleteEvent { reportTruncation() }
/// ```
public struct SSEParser: Sendable {
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Bytes of a line that began in an earlier chunk and has not ended yet.
    private var partialLine: [UInt8] = []
    /// The previous chunk ended in CR, so an LF opening the next chunk completes that CRLF.
    private var skipsLeadingLineFeed = false
    /// How many leading BOM bytes have matched while the stream start is undecided.
    private var byteOrderMarkMatched = 0
    /// Whether the start of the stream has been checked for a BOM.
    private var byteOrderMarkChecked = false
    /// Field interpretation and event assembly.
    private var builder = SSEEventBuilder()

    /// Whether the stream closed by the most recent ``finish()`` was truncated: it ended
    /// in the middle of a line, or after field lines that no blank line dispatched.
    /// Such an event is dropped, as the algorithm requires; this flag lets callers notice.
    public private(set) var hadIncompleteEvent = false

    /// The current last event ID (the value to send as `Last-Event-ID` when reconnecting).
    public var lastEventID: String { builder.lastEventID }

    /// The reconnection time in milliseconds from the latest valid `retry` field, if any.
    public var reconnectionTime: Int? { builder.reconnectionTime }

    /// Creates a parser positioned at the start of a stream.
    public init() {}

    /// Parses the next chunk of the stream and returns the events it completes.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [SSEEvent] {
        var events: [SSEEvent] = []
        feed(bytes, into: &events)
        return events
    }

    /// Parses the next chunk of the stream, appending the events it completes to `events`
    /// (lets a caller reuse one array across chunks).
    public mutating func feed(_ bytes: some Collection<UInt8>, into events: inout [SSEEvent]) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { consume($0, into: &events) }
        if handled == nil {
            Array(bytes).withUnsafeBufferPointer { consume($0, into: &events) }
        }
    }

    /// Ends the stream. Always returns no events: per the algorithm, an event not followed
    /// by a blank line is discarded. Sets ``hadIncompleteEvent`` when that happened.
    /// Afterwards the parser expects a new stream (BOM check again) but keeps
    /// ``lastEventID`` and ``reconnectionTime``, as an `EventSource` does across reconnections.
    public mutating func finish() -> [SSEEvent] {
        let midLine = !partialLine.isEmpty || (!byteOrderMarkChecked && byteOrderMarkMatched > 0)
        hadIncompleteEvent = midLine || builder.hasUndispatchedFields
        partialLine.removeAll()
        skipsLeadingLineFeed = false
        byteOrderMarkMatched = 0
        byteOrderMarkChecked = false
        builder.discardEvent()
        return []
    }

    /// Splits a contiguous chunk into lines (CRLF, LF or lone CR) and hands each complete
    /// line to the builder; the unterminated tail is kept for the next chunk.
    private mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, into events: inout [SSEEvent]) {
        var index = byteOrderMarkChecked ? 0 : skipByteOrderMark(in: buffer)
        guard index < buffer.count else { return }
        if skipsLeadingLineFeed {
            skipsLeadingLineFeed = false
            if buffer[index] == Self.lineFeed { index += 1 }
        }
        var lineStart = index
        while index < buffer.count {
            let byte = buffer[index]
            index += 1
            if byte > Self.carriageReturn || (byte != Self.lineFeed && byte != Self.carriageReturn) { continue }
            endLine(UnsafeBufferPointer(rebasing: buffer[lineStart..<(index - 1)]), into: &events)
            if byte == Self.carriageReturn {
                if index == buffer.count {
                    skipsLeadingLineFeed = true
                } else if buffer[index] == Self.lineFeed {
                    index += 1
                }
            }
            lineStart = index
        }
        if lineStart < buffer.count {
            partialLine.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineStart...]))
        }
    }

    /// Completes a line whose last bytes are `tail`, joining it with any carried-over bytes.
    private mutating func endLine(_ tail: UnsafeBufferPointer<UInt8>, into events: inout [SSEEvent]) {
        if partialLine.isEmpty {
            builder.handleLine(tail, into: &events)
            return
        }
        partialLine.append(contentsOf: tail)
        var line: [UInt8] = []
        swap(&line, &partialLine)
        line.withUnsafeBufferPointer { builder.handleLine($0, into: &events) }
        line.removeAll(keepingCapacity: line.capacity <= 1 << 16)
        partialLine = line
    }

    /// Matches the stream's first bytes against one UTF-8 BOM (possibly across chunks).
    /// A full match is dropped; a partial match turns out to be ordinary line content and is
    /// re-queued. Returns the index in `buffer` where ordinary parsing continues.
    private mutating func skipByteOrderMark(in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < buffer.count {
            if buffer[index] != Self.byteOrderMark[byteOrderMarkMatched] {
                partialLine.append(contentsOf: Self.byteOrderMark[..<byteOrderMarkMatched])
                byteOrderMarkChecked = true
                return index
            }
            byteOrderMarkMatched += 1
            index += 1
            if byteOrderMarkMatched == Self.byteOrderMark.count {
                byteOrderMarkChecked = true
                return index
            }
        }
        return index
    }
}
