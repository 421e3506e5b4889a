import Foundation
import RunscopeCore

/// A received span read as a run: its ids, the run, and the events that start it, happen
/// in it (streamed tokens) and end it. A Logfire pending span is a run with no end yet.
public struct ReceivedRun: Sendable {
    /// The key of a span: its trace id and its span id, as big-endian integers (cheap to hash).
    public struct Key: Hashable, Sendable {
        /// The trace id's first and last 8 bytes.
        public var trace: Trace
        public var span: UInt64

        /// A trace id as two integers.
        public struct Trace: Hashable, Sendable {
            public var high: UInt64
            public var low: UInt64
        }

        /// The key of a 16-byte trace id and an 8-byte span id (shorter ids read as zero-padded).
        public init(trace: Data, span: Data) {
            self.trace = Trace(high: Self.integer(trace.prefix(8)), low: Self.integer(trace.dropFirst(8).prefix(8)))
            self.span = Self.integer(span.prefix(8))
        }

        /// The key of a received span's trace id and span id (16 and 8 bytes).
        init(trace: ReceivedSpan.ID, span: ReceivedSpan.ID) {
            self.trace = Trace(high: trace.high, low: trace.low)
            self.span = span.high
        }

        /// The trace id in hex, as OTLP/JSON writes it.
        public var traceHex: String { Self.hex(trace.high) + Self.hex(trace.low) }
        /// The span id in hex.
        public var spanHex: String { Self.hex(span) }

        static func integer(_ bytes: Data) -> UInt64 {
            bytes.withUnsafeBytes { raw in
                var value: UInt64 = 0
                for byte in raw { value = value << 8 | UInt64(byte) }
                return value
            }
        }

        static func hex(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
    }

    public var key: Key
    /// The parent's key, or `nil` at a trace's root.
    public var parent: Key?
    public var run: RunInfo
    public var start: Date
    public var startEvent: RunEvent
    /// Events between start and end (tokens), in time order.
    public var middle: [ReceivedEvent]
    /// When it ended, or `nil` while it runs (a pending span).
    public var end: Date?
    public var endEvent: RunEvent?
    /// The sending app's `service.name` (a root's metadata carries it; so does an orphan's, made root later).
    public var service: String?

    /// The same run with another parent (a run shown as a root when its parent never came).
    func reparented(to parent: Key?, parentRunId: UUID?, note: ValueObject) -> ReceivedRun {
        var copy = self
        copy.parent = parent
        copy.run = RunInfo(
            runId: run.runId, parentRunId: parentRunId, name: run.name, runType: run.runType, tags: run.tags,
            metadata: run.metadata.merging(note), serialized: run.serialized, extra: run.extra)
        copy.middle = middle.map { ReceivedEvent(event: $0.event, run: copy.run, time: $0.time) }
        return copy
    }
}

/// One event of a received run, ready for the handlers.
public struct ReceivedEvent: Sendable {
    public let event: RunEvent
    public let run: RunInfo
    public let time: Date

    /// The event `event` of `run` at `time`.
    public init(event: RunEvent, run: RunInfo, time: Date) {
        self.event = event
        self.run = run
        self.time = time
    }
}
