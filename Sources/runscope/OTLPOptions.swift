import ArgumentParser
import Foundation
import RunscopeCore
import RunscopeOTLP

/// `--otlp [URL]`, `--otlp-tokens`, `--otlp-service`: send every run to an OpenTelemetry
/// backend as it ends (run, replay, tail, show; docs/otel.md).
struct OTLPOptions: ParsableArguments {
    @Option(name: .customLong("otlp"), help: ArgumentHelp(
        "Send every run as a span to an OTLP/HTTP endpoint. The URL may be left out: then OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, "
            + "OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces, else \(OTLPConfiguration.defaultEndpoint).",
        valueName: "url"))
    var url: String?

    @Flag(name: .customLong("otlp-tokens"), help: "With --otlp: each streamed token as a span event.")
    var tokens = false

    @Option(name: .customLong("otlp-service"), help: ArgumentHelp(
        "With --otlp: the service.name (and Phoenix project) of the spans (default runscope).", valueName: "name"))
    var service: String?

    /// The value `--otlp` gets when it is given without a URL (argument parsing refuses an empty one).
    static let bare = "@default"

    /// Whether export is on.
    var enabled: Bool { url != nil }

    /// The exporter as asked, or `nil` without `--otlp`; a bad value or variable exits with status 2.
    func exporter(clock: @escaping @Sendable () -> Date = { Date() }) throws -> OTLPExporter? {
        guard let url else {
            if tokens || service != nil {
                Terminal.error("runscope: --otlp-tokens and --otlp-service need --otlp")
                throw ExitCode(2)
            }
            return nil
        }
        var configuration: OTLPConfiguration
        do {
            configuration = try OTLPEnvironment.configuration(
                url: url == Self.bare ? nil : url, environment: ProcessInfo.processInfo.environment)
        } catch {
            Terminal.error("runscope: \(error.description)")
            throw ExitCode(2)
        }
        if let service {
            guard !service.trimmingCharacters(in: .whitespaces).isEmpty else {
                Terminal.error("runscope: --otlp-service: the name is empty")
                throw ExitCode(2)
            }
            configuration.serviceName = service
        }
        configuration.tokenEvents = tokens
        return OTLPExporter(configuration: configuration, clock: clock)
    }

    /// Sends what is left and prints the exporter's warnings on stderr (never fails the command).
    static func finish(_ exporter: OTLPExporter?) {
        guard let exporter else { return }
        for warning in exporter.close().warnings { Terminal.error("runscope: \(warning)") }
    }

    /// `--otlp` with no URL after it becomes `--otlp=@default` (argument parsing needs a value):
    /// the next argument is taken as the URL only when it has a scheme (`http://...`).
    /// Arguments after `--` (a command's own) are left alone.
    static func normalize(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                out.append(contentsOf: arguments[index...])
                break
            }
            if argument == "--otlp" {
                let next = index + 1 < arguments.count ? arguments[index + 1] : nil
                if let next, next.contains("://") {
                    out.append("--otlp=\(next)")
                    index += 2
                    continue
                }
                out.append("--otlp=\(bare)")
            } else {
                out.append(argument)
            }
            index += 1
        }
        return out
    }
}
