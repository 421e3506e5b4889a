import Foundation
import RunscopeCore
import SwiftProtobuf

/// Wraps spans in an `ExportTraceServiceRequest` under runscope's resource and scope,
/// and encodes it as the configuration says (protobuf or OTLP/JSON).
public struct SpanBatcher: Sendable {
    let resource: OTLPResource
    let scope: OTLPScope
    let encoding: OTLPConfiguration.Encoding

    /// A batcher for `configuration`'s resource and encoding.
    public init(configuration: OTLPConfiguration) {
        resource = Self.resource(configuration)
        var scope = OTLPScope()
        scope.name = SpanMapper.scopeName
        scope.version = SpanMapper.scopeVersion
        self.scope = scope
        encoding = configuration.encoding
    }

    /// `service.name`, `openinference.project.name` and the SDK's name and language.
    static func resource(_ configuration: OTLPConfiguration) -> OTLPResource {
        var attributes = AttributeList()
        attributes.set("service.name", configuration.serviceName)
        attributes.set("openinference.project.name", configuration.projectName)
        attributes.set("telemetry.sdk.name", "runscope")
        attributes.set("telemetry.sdk.language", "swift")
        attributes.set("telemetry.sdk.version", SpanMapper.scopeVersion)
        var resource = OTLPResource()
        resource.attributes = attributes.items
        return resource
    }

    /// The request carrying `spans`.
    public func request(_ spans: [OTLPSpan]) -> OTLPExportRequest {
        var scopeSpans = OTLPScopeSpans()
        scopeSpans.scope = scope
        scopeSpans.spans = spans
        var resourceSpans = OTLPResourceSpans()
        resourceSpans.resource = resource
        resourceSpans.scopeSpans = [scopeSpans]
        var request = OTLPExportRequest()
        request.resourceSpans = [resourceSpans]
        return request
    }

    /// The encoded body (before gzip); `nil` if protobuf encoding fails.
    public func body(_ spans: [OTLPSpan]) -> [UInt8]? {
        let request = request(spans)
        switch encoding {
        case .protobuf: return try? request.serializedBytes()
        case .json: return Array(OTLPJSON.encode(request).utf8)
        }
    }
}
