import Foundation
import RunscopeCore

/// Turns received OTLP spans into runs (`ReceivedRun`): OpenInference and GenAI
/// attributes to run types, inputs, outputs, messages, token usage and errors; the
/// spans runscope itself exported come back as the runs they were.
///
/// A run's id is made from its trace and span ids (`runId(_:)`), so the root of a trace
/// runscope exported keeps its run id (docs/otel.md).
public enum SpanTranslator {
    /// The resource attributes a root run's metadata carries.
    public struct Resource: Sendable {
        public var serviceName: String?
        public var projectName: String?

        /// The resource of `resource`.
        public init(_ resource: OTLPResource) {
            self.init(attributes: resource.attributes.map(Attribute.init))
        }

        /// The resource with `attributes`.
        public init(attributes: [Attribute]) {
            let attributes = SpanAttributes(attributes)
            serviceName = attributes.string("service.name")
            projectName = attributes.string("openinference.project.name")
        }
    }

    /// Every span of `request` as a run, in the request's order; spans without a trace
    /// or span id are counted in `skipped`.
    public static func runs(_ request: OTLPExportRequest, skipped: inout Int) -> [ReceivedRun] {
        runs(SpanBatch(request), skipped: &skipped)
    }

    /// Every span of `batch` as a run, in the batch's order; spans without a trace or span
    /// id are counted in `skipped`.
    public static func runs(_ batch: SpanBatch, skipped: inout Int) -> [ReceivedRun] {
        var runs: [ReceivedRun] = []
        runs.reserveCapacity(batch.spanCount)
        for group in batch.groups {
            let resource = Resource(attributes: group.resource)
            for span in group.spans {
                if let run = run(span, resource: resource) { runs.append(run) } else { skipped += 1 }
            }
        }
        return runs
    }

    /// The run of one span; `nil` when it has no valid ids.
    public static func run(_ span: OTLPSpan, resource: Resource) -> ReceivedRun? {
        run(ReceivedSpan(span), resource: resource)
    }

    /// The run of one received span; `nil` when it has no valid ids.
    public static func run(_ span: ReceivedSpan, resource: Resource) -> ReceivedRun? {
        guard span.traceID.count == 16, span.spanID.count == 8, span.traceID.isNonZero else { return nil }
        let attributes = SpanAttributes(span.attributes)
        if attributes.string("logfire.span_type") == "pending_span" { return pending(span, attributes, resource: resource) }
        let key = ReceivedRun.Key(trace: span.traceID, span: span.spanID)
        // A span that names itself as its parent has none.
        let parent = parentKey(span.traceID, span.parentSpanID).flatMap { $0 == key ? nil : $0 }
        let info = runInfo(span, attributes, key: key, parent: parent, resource: resource)
        let start = date(span.startTimeUnixNano)
        let end = max(date(span.endTimeUnixNano), start)
        return ReceivedRun(
            key: key, parent: parent, run: info, start: start, startEvent: startEvent(info.runType, attributes),
            middle: tokens(span, run: info), end: end, endEvent: endEvent(span, info.runType, attributes), service: resource.serviceName)
    }

    /// A Logfire pending span: the start of the span that is its parent, which has not ended.
    private static func pending(_ span: ReceivedSpan, _ attributes: SpanAttributes, resource: Resource) -> ReceivedRun? {
        guard span.parentSpanID.count == 8 else { return nil }
        let key = ReceivedRun.Key(trace: span.traceID, span: span.parentSpanID)
        let realParent = ReceivedSpan.ID(attributes.string("logfire.pending_parent_id").flatMap { SpanIdentifiers.bytes(hex: $0) } ?? Data())
        let parent = parentKey(span.traceID, realParent)
        let info = runInfo(span, attributes, key: key, parent: parent, resource: resource)
        return ReceivedRun(
            key: key, parent: parent, run: info, start: date(span.startTimeUnixNano),
            startEvent: startEvent(info.runType, attributes), middle: [], end: nil, endEvent: nil, service: resource.serviceName)
    }

    /// The run id of a span: its low 8 bytes are the span id; its high 8 the trace id's
    /// first 8, mixed with how the span id differs from the trace id's last 8. The root of a
    /// trace runscope exported (trace id = the root's run id, span id = its last 8 bytes)
    /// gets its run id back; two traces that share their first 8 bytes give different ids.
    public static func runId(_ key: ReceivedRun.Key) -> UUID {
        // Multiplying by an odd constant is a bijection of UInt64 that keeps 0 at 0.
        let high = (key.trace.high ^ ((key.trace.low ^ key.span) &* 0x9E37_79B9_7F4A_7C15)).bigEndian
        let low = key.span.bigEndian
        return withUnsafeBytes(of: (high, low)) { raw in
            UUID(uuid: raw.load(as: uuid_t.self))
        }
    }

    private static func parentKey(_ trace: ReceivedSpan.ID, _ parent: ReceivedSpan.ID) -> ReceivedRun.Key? {
        guard parent.count == 8, parent.isNonZero else { return nil }
        return ReceivedRun.Key(trace: trace, span: parent)
    }

    /// Unix nanoseconds as a date, to the nearest microsecond (what runs keep).
    static func date(_ nanos: UInt64) -> Date {
        Date(timeIntervalSince1970: Double(nanos / 1000 + (nanos % 1000 >= 500 ? 1 : 0)) / 1_000_000)
    }

    /// Who the run is: id, parent, name, type, tags, metadata (the trace's service on a root).
    private static func runInfo(
        _ span: ReceivedSpan, _ attributes: SpanAttributes, key: ReceivedRun.Key, parent: ReceivedRun.Key?, resource: Resource
    ) -> RunInfo {
        let type = runType(attributes)
        var metadata = attributes.object("metadata") ?? [:]
        if type.isModel {
            if metadata["ls_model_name"] == nil, let model = modelName(attributes) { metadata["ls_model_name"] = .string(model) }
            if metadata["ls_provider"] == nil, let provider = providerName(attributes) { metadata["ls_provider"] = .string(provider) }
        }
        if parent == nil {
            if let service = resource.serviceName { metadata["otel.service.name"] = .string(service) }
            if let project = resource.projectName { metadata["otel.project.name"] = .string(project) }
            metadata["otel.trace_id"] = .string(key.traceHex)
        }
        var extra: ValueObject = [:]
        if let params = attributes.object("llm.invocation_parameters") { extra["invocation_params"] = .object(params) }
        return RunInfo(
            runId: runId(key), parentRunId: parent.map(runId), name: span.name.isEmpty ? "span" : span.name, runType: type,
            tags: attributes.strings("tag.tags") ?? attributes.strings("langsmith.span.tags") ?? [], metadata: metadata,
            extra: extra)
    }

    static func modelName(_ attributes: SpanAttributes) -> String? {
        attributes.string("llm.model_name") ?? attributes.string("gen_ai.response.model") ?? attributes.string("gen_ai.request.model")
    }

    static func providerName(_ attributes: SpanAttributes) -> String? {
        attributes.string("llm.provider") ?? attributes.string("gen_ai.provider.name") ?? attributes.string("gen_ai.system")
    }

    /// The run type: runscope's own attribute, then OpenInference's span kind, then GenAI's operation; else chain.
    static func runType(_ attributes: SpanAttributes) -> RunType {
        if let own = attributes.string("runscope.run_type").flatMap(RunType.init(rawValue:)) { return own }
        let hasMessages = attributes.hasPrefix("llm.input_messages.")
        switch attributes.string("openinference.span.kind")?.uppercased() {
        case "LLM": return hasMessages ? .chatModel : .llm
        case "TOOL": return .tool
        case "RETRIEVER": return .retriever
        case "PROMPT": return .prompt
        case .some: return .chain
        case nil: break
        }
        switch attributes.string("gen_ai.operation.name") {
        case "chat", "generate_content": return .chatModel
        case "text_completion": return .llm
        case "execute_tool": return .tool
        case "retrieval": return .retriever
        default: return .chain
        }
    }
}
