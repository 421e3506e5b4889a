import Foundation

/// Reads the standard `OTEL_EXPORTER_OTLP_*` variables into a configuration, with an
/// explicit URL (`--otlp URL`) winning over them.
public enum OTLPEnvironment {
    /// A problem with a flag or variable, as one line a user can act on.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The configuration for `url` (or, without one, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`,
    /// then `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`, then the default), with
    /// `OTEL_EXPORTER_OTLP_HEADERS` and `OTEL_EXPORTER_OTLP_PROTOCOL`.
    public static func configuration(url: String?, environment: [String: String]) throws(Problem) -> OTLPConfiguration {
        let endpoint = try self.endpoint(url: url, environment: environment)
        var configuration = OTLPConfiguration(endpoint: endpoint)
        configuration.headers = try headers(environment["OTEL_EXPORTER_OTLP_TRACES_HEADERS"] ?? environment["OTEL_EXPORTER_OTLP_HEADERS"])
        configuration.encoding = try encoding(environment["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"] ?? environment["OTEL_EXPORTER_OTLP_PROTOCOL"])
        if let compression = environment["OTEL_EXPORTER_OTLP_TRACES_COMPRESSION"] ?? environment["OTEL_EXPORTER_OTLP_COMPRESSION"] {
            switch compression.lowercased() {
            case "gzip", "": configuration.gzip = true
            case "none": configuration.gzip = false
            default: throw Problem(description: "OTEL_EXPORTER_OTLP_COMPRESSION: '\(compression)' is not gzip or none")
            }
        }
        return configuration
    }

    /// The endpoint URL, checked: http or https with a host.
    static func endpoint(url: String?, environment: [String: String]) throws(Problem) -> String {
        let (value, source): (String, String)
        if let url {
            (value, source) = (url, "--otlp")
        } else if let full = environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"], !full.isEmpty {
            (value, source) = (full, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        } else if let base = environment["OTEL_EXPORTER_OTLP_ENDPOINT"], !base.isEmpty {
            let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
            (value, source) = (trimmed + "/v1/traces", "OTEL_EXPORTER_OTLP_ENDPOINT")
        } else {
            return OTLPConfiguration.defaultEndpoint
        }
        guard let parsed = URL(string: value), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parsed.host, !host.isEmpty else {
            throw Problem(description: "\(source): '\(value)' is not an http:// or https:// URL")
        }
        return value
    }

    /// `k=v,k2=v2` (values percent-decoded, as the OTel spec says) to header pairs.
    static func headers(_ text: String?) throws(Problem) -> [(String, String)] {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        var pairs: [(String, String)] = []
        for item in text.split(separator: ",") {
            guard let equals = item.firstIndex(of: "=") else {
                throw Problem(description: "OTEL_EXPORTER_OTLP_HEADERS: '\(item)' is not key=value")
            }
            let key = item[..<equals].trimmingCharacters(in: .whitespaces)
            let raw = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { throw Problem(description: "OTEL_EXPORTER_OTLP_HEADERS: '\(item)' has no key") }
            pairs.append((key, raw.removingPercentEncoding ?? raw))
        }
        return pairs
    }

    /// `http/protobuf` (the default) or `http/json`; gRPC is not spoken.
    static func encoding(_ text: String?) throws(Problem) -> OTLPConfiguration.Encoding {
        guard let text, !text.isEmpty else { return .protobuf }
        if let encoding = OTLPConfiguration.Encoding(rawValue: text.lowercased()) { return encoding }
        if text.lowercased() == "grpc" {
            throw Problem(description: "OTEL_EXPORTER_OTLP_PROTOCOL: grpc is not supported; use http/protobuf or http/json")
        }
        throw Problem(description: "OTEL_EXPORTER_OTLP_PROTOCOL: '\(text)' is not http/protobuf or http/json")
    }
}
