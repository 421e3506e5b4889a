import Foundation
import RunscopeCore
import SwiftProtobuf

/// Turns a run (its `SpanRecord`) into an OTLP span, with attributes in both the
/// OpenInference and the OpenTelemetry GenAI conventions (docs/otel.md has the table).
public enum SpanMapper {
    /// The name and version of the instrumentation scope the spans are sent under.
    public static let scopeName = "runscope"
    /// The version sent as the scope's and the SDK's.
    public static let scopeVersion = "0.1.0"

    /// The span for `record`; `now` ends a run that never ended (its status is then unset).
    public static func span(_ record: SpanRecord, now: Date = Date()) -> OTLPSpan {
        var span = OTLPSpan()
        span.traceID = SpanIdentifiers.traceId(record.root)
        span.spanID = SpanIdentifiers.spanId(record.run.runId)
        // A run whose parent the exporter never saw is the root of a trace of its own: no parent link.
        if let parent = record.run.parentRunId, record.root != record.run.runId {
            span.parentSpanID = SpanIdentifiers.spanId(parent)
        }
        span.name = record.run.name
        span.kind = record.run.runType.isModel ? .client : .internal
        span.startTimeUnixNano = nanos(record.start)
        span.endTimeUnixNano = nanos(max(record.end ?? now, record.start))
        span.attributes = attributes(record)
        span.events = events(record)
        span.status = status(record)
        return span
    }

    /// Unix nanoseconds of `date` (0 before 1970).
    public static func nanos(_ date: Date) -> UInt64 {
        let seconds = date.timeIntervalSince1970
        guard seconds > 0 else { return 0 }
        return UInt64((seconds * 1_000_000_000).rounded())
    }

    /// OK, ERROR with the error's text, or unset for a run that never ended. A LangGraph
    /// interrupt or command is no failure (the run paused or handed over): OK.
    static func status(_ record: SpanRecord) -> OTLPStatus {
        var status = OTLPStatus()
        guard record.endEvent != nil else { return status }
        if let error = record.error, !error.isInterrupt, !error.isCommand {
            status.code = .error
            status.message = error.description
        } else {
            status.code = .ok
        }
        return status
    }

    /// The run's status as runscope names it (`succeeded`, `failed`, `cancelled`, ...).
    static func runStatus(_ record: SpanRecord) -> String {
        guard record.endEvent != nil else { return "running" }
        guard let error = record.error else { return "succeeded" }
        if error.isCancellation { return "cancelled" }
        if error.isInterrupt { return "paused" }
        return error.isCommand ? "routed" : "failed"
    }

    /// The error as an `exception` event, then retries, custom events, text and (if kept) tokens.
    static func events(_ record: SpanRecord) -> [OTLPSpan.Event] {
        var events: [OTLPSpan.Event] = []
        for item in record.events { events.append(event(item)) }
        for token in record.tokens {
            var attributes = AttributeList()
            attributes.set("token", token.text)
            events.append(event("new_token", at: token.time, attributes))
        }
        if let error = record.error, let end = record.end {
            var attributes = AttributeList()
            attributes.set("exception.type", error.type)
            attributes.set("exception.message", error.message)
            events.append(event("exception", at: end, attributes))
        }
        return events
    }

    private static func event(_ item: SpanRecord.Event) -> OTLPSpan.Event {
        var attributes = AttributeList()
        switch item.name {
        case "retry":
            attributes.set("retry.attempt_number", item.data["attempt_number"]?.intValue)
            attributes.set("retry.error", item.data["error"]?.stringValue)
            attributes.set("retry.wait_seconds", item.data["wait_seconds"]?.doubleValue)
        case "custom_event":
            attributes.set("custom_event.name", item.data["name"]?.stringValue)
            attributes.set("custom_event.data", item.data["data"].map { $0.serialized().compactJSON() })
        default:
            attributes.set("text", item.data.stringValue)
        }
        return event(item.name, at: item.time, attributes)
    }

    private static func event(_ name: String, at time: Date, _ attributes: AttributeList) -> OTLPSpan.Event {
        var event = OTLPSpan.Event()
        event.name = name
        event.timeUnixNano = nanos(time)
        event.attributes = attributes.items
        return event
    }
}
