import Foundation

/// A received span as the translator reads it: ids, name, times, attributes, events and
/// status; what else a span carries (kind, links, trace state, flags) is left out.
public struct ReceivedSpan: Sendable, Equatable {
    /// An id's bytes as received: the first 16 as two big-endian integers, and how many there were.
    public struct ID: Sendable, Equatable {
        public var high: UInt64 = 0
        public var low: UInt64 = 0
        public var count = 0

        /// No id (no bytes).
        public init() {}

        /// The id in `bytes`; bytes past the 16th only count.
        public init(_ bytes: some Collection<UInt8>) {
            count = bytes.count
            for (index, byte) in bytes.prefix(16).enumerated() {
                if index < 8 { high |= UInt64(byte) << (56 - 8 * index) } else { low |= UInt64(byte) << (120 - 8 * index) }
            }
        }

        /// Whether some byte is not zero.
        public var isNonZero: Bool { high != 0 || low != 0 }
    }

    /// A span event: its name, time and attributes.
    public struct Event: Sendable, Equatable {
        public var name = ""
        public var timeUnixNano: UInt64 = 0
        public var attributes: [Attribute] = []

        /// An event with nothing set.
        public init() {}

        /// The event of a decoded span event.
        public init(_ event: OTLPSpan.Event) {
            name = event.name
            timeUnixNano = event.timeUnixNano
            attributes = event.attributes.map(Attribute.init)
        }
    }

    public var traceID = ID()
    public var spanID = ID()
    public var parentSpanID = ID()
    public var name = ""
    public var startTimeUnixNano: UInt64 = 0
    public var endTimeUnixNano: UInt64 = 0
    public var attributes: [Attribute] = []
    public var events: [Event] = []
    /// The status code's number (2 is ERROR) and message.
    public var statusCode: Int32 = 0
    public var statusMessage = ""

    /// A span with nothing set.
    public init() {}

    /// The span of a decoded span.
    public init(_ span: OTLPSpan) {
        traceID = ID(span.traceID)
        spanID = ID(span.spanID)
        parentSpanID = ID(span.parentSpanID)
        name = span.name
        startTimeUnixNano = span.startTimeUnixNano
        endTimeUnixNano = span.endTimeUnixNano
        attributes = span.attributes.map(Attribute.init)
        events = span.events.map(Event.init)
        statusCode = Int32(truncatingIfNeeded: span.status.code.rawValue)
        statusMessage = span.status.message
    }

    /// Whether the status is ERROR.
    public var isError: Bool { statusCode == 2 }
}
