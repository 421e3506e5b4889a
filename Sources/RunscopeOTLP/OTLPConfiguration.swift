import Foundation

/// Where and how the exporter sends spans: the endpoint, headers, encoding, resource
/// names, batching, queue size and retry limits.
public struct OTLPConfiguration: Sendable {
    /// The body's encoding: protobuf (OTLP's default) or proto3 JSON with hex ids.
    public enum Encoding: String, Sendable {
        case protobuf = "http/protobuf"
        case json = "http/json"
    }

    /// The default endpoint: a collector (or Phoenix) on this machine.
    public static let defaultEndpoint = "http://127.0.0.1:4318/v1/traces"

    /// The full URL spans are POSTed to (`.../v1/traces`).
    public var endpoint: String
    /// Extra request headers (`OTEL_EXPORTER_OTLP_HEADERS`), e.g. an API key.
    public var headers: [(String, String)] = []
    public var encoding: Encoding = .protobuf
    /// Gzip the body (`Content-Encoding: gzip`).
    public var gzip = true
    /// `service.name`; also `openinference.project.name` (the Phoenix project) unless `project` is set.
    public var serviceName = "runscope"
    public var project: String?
    /// Each streamed token as a span event (`--otlp-tokens`).
    public var tokenEvents = false
    /// Spans per request.
    public var batchSize = 512
    /// The longest a finished span waits before it is sent (seconds).
    public var interval: TimeInterval = 1
    /// Events the queue holds before it drops (and counts) new ones.
    public var queueCapacity = 1 << 20
    /// Tries per batch on 429, 502, 503, 504 or a connection failure (the first one included).
    public var maxAttempts = 5
    /// The first wait between tries (doubled each time, at most `maxBackoff`), when the
    /// server gives no Retry-After.
    public var initialBackoff: TimeInterval = 0.5
    public var maxBackoff: TimeInterval = 30
    /// The timeout of one request (seconds).
    public var requestTimeout: TimeInterval = 10
    /// At close, the longest the exporter goes on sending what is left (seconds).
    public var closeTimeout: TimeInterval = 10

    /// A configuration sending to `endpoint` with the defaults above.
    public init(endpoint: String = OTLPConfiguration.defaultEndpoint) {
        self.endpoint = endpoint
    }

    /// The Phoenix project name: `project`, else the service name.
    public var projectName: String { project ?? serviceName }
}
