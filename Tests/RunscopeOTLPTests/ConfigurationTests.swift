import Foundation
import RunscopeOTLP
import Testing

@Suite struct ConfigurationTests {
    @Test func theEndpointComesFromTheFlagThenTheVariablesThenTheDefault() throws {
        let env = ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318/", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://t:1/x"]
        #expect(try OTLPEnvironment.configuration(url: "http://a:9/v1/traces", environment: env).endpoint == "http://a:9/v1/traces")
        #expect(try OTLPEnvironment.configuration(url: nil, environment: env).endpoint == "http://t:1/x")
        let base = ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318/"]
        #expect(try OTLPEnvironment.configuration(url: nil, environment: base).endpoint == "http://collector:4318/v1/traces")
        #expect(try OTLPEnvironment.configuration(url: nil, environment: [:]).endpoint == "http://127.0.0.1:4318/v1/traces")
    }

    @Test func headersAndProtocolAreRead() throws {
        let env = ["OTEL_EXPORTER_OTLP_HEADERS": "api_key=abc%20d, x-team = red", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json"]
        let configuration = try OTLPEnvironment.configuration(url: nil, environment: env)
        #expect(configuration.headers.map { "\($0.0)=\($0.1)" } == ["api_key=abc d", "x-team=red"])
        #expect(configuration.encoding == .json)
        #expect(try OTLPEnvironment.configuration(url: nil, environment: [:]).encoding == .protobuf)
    }

    @Test func badValuesSayWhatIsWrong() {
        #expect(throws: OTLPEnvironment.Problem.self) { try OTLPEnvironment.configuration(url: "ftp://x/y", environment: [:]) }
        #expect(throws: OTLPEnvironment.Problem.self) { try OTLPEnvironment.configuration(url: "not a url", environment: [:]) }
        do {
            _ = try OTLPEnvironment.configuration(url: nil, environment: ["OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"])
            Issue.record("grpc was accepted")
        } catch {
            #expect(error.description.contains("grpc is not supported"))
        }
        #expect(throws: OTLPEnvironment.Problem.self) {
            try OTLPEnvironment.configuration(url: nil, environment: ["OTEL_EXPORTER_OTLP_HEADERS": "novalue"])
        }
    }

    @Test func retryAfterIsSecondsOrADateAndBackoffDoubles() {
        #expect(RetryPolicy.retryAfter("3") == 3)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(RetryPolicy.retryAfter("Fri, 15 Jan 2027 08:00:05 GMT", now: now) == 5)
        #expect(RetryPolicy.retryAfter("Fri, 15 Jan 2027 07:00:00 GMT", now: now) == 0, "a date gone by: no wait")
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.delay(attempt: 1, retryAfter: nil, initial: 0.5, maxBackoff: 30) == 0.5)
        #expect(RetryPolicy.delay(attempt: 3, retryAfter: nil, initial: 0.5, maxBackoff: 30) == 2)
        #expect(RetryPolicy.delay(attempt: 10, retryAfter: nil, initial: 0.5, maxBackoff: 30) == 30)
        #expect(RetryPolicy.delay(attempt: 1, retryAfter: 2, initial: 0.5, maxBackoff: 30) == 2)
        #expect(RetryPolicy.isRetryable(status: 503) && RetryPolicy.isRetryable(status: 429))
        #expect(!RetryPolicy.isRetryable(status: 400))
    }
}
