/// Interprets complete `text/event-stream` lines (already split, terminators removed)
/// and assembles events, following the field rules of WHATWG HTML
/// "Parsing an event stream". Line splitting, BOM handling and chunking live in ``SSEParser``.
struct SSEEventBuilder: Sendable {
    /// The last event ID buffer; persists across dispatches.
    private(set) var lastEventID = ""
    /// The reconnection time from the latest all-digit `retry` field.
    private(set) var reconnectionTime: Int?
    /// True once a field line was seen that no blank line has yet closed.
    private(set) var hasUndispatchedFields = false

    /// The data buffer as raw UTF-8; decoded once per dispatched event.
    private var data: [UInt8] = []
    /// The event type buffer.
    private var eventType = ""

    private static let colon: UInt8 = 0x3A
    private static let space: UInt8 = 0x20
    private static let lineFeed: UInt8 = 0x0A

    /// Processes one complete line: a blank line dispatches, a `:` line is a comment,
    /// anything else is a field split at the first colon.
    mutating func handleLine(_ line: UnsafeBufferPointer<UInt8>, into events: inout [SSEEvent]) {
        guard let first = line.first else {
            dispatch(into: &events)
            return
        }
        if first == Self.colon { return }
        hasUndispatchedFields = true
        var colonIndex = 0
        while colonIndex < line.count && line[colonIndex] != Self.colon { colonIndex += 1 }
        var valueStart = Swift.min(colonIndex + 1, line.count)
        if valueStart < line.count && line[valueStart] == Self.space { valueStart += 1 }
        processField(
            named: UnsafeBufferPointer(rebasing: line[..<colonIndex]),
            value: UnsafeBufferPointer(rebasing: line[valueStart...])
        )
    }

    /// Forgets the event being built (data and type), keeping the last event ID
    /// and reconnection time, as at the end of a stream.
    mutating func discardEvent() {
        data.removeAll()
        eventType = ""
        hasUndispatchedFields = false
    }

    /// Applies one field to the buffers; unknown field names are ignored.
    private mutating func processField(named name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        switch FieldName(name) {
        case .data:
            data.append(contentsOf: value)
            data.append(Self.lineFeed)
        case .event:
            eventType = String(decoding: value, as: UTF8.self)
        case .id:
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        case .retry:
            if let milliseconds = Self.parseRetry(value) { reconnectionTime = milliseconds }
        case nil:
            break
        }
    }

    /// Dispatches the buffered event (if it has data) and resets data and type.
    private mutating func dispatch(into events: inout [SSEEvent]) {
        hasUndispatchedFields = false
        guard !data.isEmpty else {
            eventType = ""
            return
        }
        let text = data.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0.dropLast()), as: UTF8.self)
        }
        let type = eventType.isEmpty ? "message" : eventType
        events.append(SSEEvent(type: type, data: text, lastEventID: lastEventID, retry: reconnectionTime))
        data.removeAll(keepingCapacity: true)
        eventType = ""
    }

    /// Parses a `retry` value: non-empty, ASCII digits only, fitting in `Int`; otherwise `nil`.
    static func parseRetry(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !value.isEmpty else { return nil }
        var result = 0
        for byte in value {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (shifted, overflowA) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int(byte &- 0x30))
            if overflowA || overflowB { return nil }
            result = sum
        }
        return result
    }

    /// The field names the algorithm acts on (matched case-sensitively, byte for byte).
    private enum FieldName {
        case data, event, id, retry

        /// Classifies a raw field name, or returns `nil` for fields that are ignored.
        init?(_ name: UnsafeBufferPointer<UInt8>) {
            switch name.count {
            case 4 where Self.equals(name, "data"): self = .data
            case 5 where Self.equals(name, "event"): self = .event
            case 2 where Self.equals(name, "id"): self = .id
            case 5 where Self.equals(name, "retry"): self = .retry
            default: return nil
            }
        }

        /// Byte-wise comparison of a field name with an ASCII literal of the same length.
        private static func equals(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
            let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
            for index in 0..<expected.count where name[index] != expected[index] { return false }
            return true
        }
    }
}
