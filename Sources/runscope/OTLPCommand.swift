import ArgumentParser
import Dispatch
import Foundation
import RunscopeCore
import RunscopeOTLP
import RunscopeReplay

/// `runscope otlp`: receive OpenTelemetry traces over OTLP/HTTP and show them live.
struct OTLPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "otlp", abstract: "Receive OpenTelemetry traces (OTLP/HTTP) and show their spans live as runs.",
        discussion: """
            Listens on 127.0.0.1:4318 for POST /v1/traces (protobuf or JSON, gzip or not), as an \
            OpenTelemetry collector does: point any instrumented app at it \
            (OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318). Each span becomes a run \
            (OpenInference and GenAI attributes: docs/otel.md); spans that arrive before their \
            parent wait for it, and what still waits when runscope stops is shown as roots. \
            Headless (--no-tui), it runs until SIGINT or SIGTERM. The runs go to the history too.
            """)

    @Option(help: ArgumentHelp("Where to listen: HOST:PORT ([::1]:PORT for IPv6; port 0 picks a free one).", valueName: "host:port"))
    var listen: String = "127.0.0.1:4318"

    @Option(help: ArgumentHelp("Require Authorization: Bearer TOKEN on every request.", valueName: "token"))
    var token: String?

    @OptionGroup var view: ViewOptions

    @Option(help: ArgumentHelp("Write the event log (JSON Lines, v1) of what arrives to a file, or - for stdout.", valueName: "file"))
    var events: String?

    @Option(help: ArgumentHelp("Record what arrives as an event log (for runscope replay).", valueName: "file"))
    var record: String?

    @OptionGroup var history: HistoryOptions

    func run() async throws {
        let (host, port) = try Self.address(listen)
        if let token, token.isEmpty { throw ValidationError("--token must not be empty") }
        if !Self.isLoopback(host), token == nil {
            Terminal.error("runscope: listening on \(host) without --token: anyone who can reach it can send spans")
        }
        let clock = ReplayClock(following: true)
        let writers = try [events, record].compactMap { $0 }.map { try LineWriter(path: $0) }
        let logs: [any CallbackHandler] = writers.map { writer in EventLogRecorder(clock: { clock.now() }) { writer.write($0) } }
        let recorder = history.recorder(source: "otlp", prices: try view.pricing.table(), clock: { clock.now() })
        defer { HistoryOptions.finish(recorder) }
        let queue = ReceivedRequests()
        let receiver: OTLPReceiver
        do {
            receiver = try await OTLPReceiver.start(host: host, port: port, token: token, acceptSpans: { queue.push($0) })
        } catch {
            Terminal.error("runscope otlp: cannot listen on \(listen): \(error)")
            throw ExitCode(2)
        }
        Terminal.error("runscope: receiving OTLP at \(receiver.url)")
        let extra = logs + (recorder.map { [$0] } ?? [])
        let skipped = Locked(0)
        let outcome = try await view.show(title: "otlp \(host):\(receiver.port)", clock: clock) { handlers in
            var pump = SpanPump(clock: clock, handlers: handlers + extra)
            for await batch in queue.stream {
                pump.receive(batch)
                queue.done()
            }
            pump.finish()
            skipped.withLock { $0 = pump.skipped }
        }
        await receiver.stop()
        let counts = receiver.counts
        if view.headless {
            Terminal.error("runscope: received \(counts.spans) span\(counts.spans == 1 ? "" : "s") in \(counts.accepted) request\(counts.accepted == 1 ? "" : "s")"
                + (counts.refused > 0 ? "; refused \(counts.refused)" : ""))
        }
        let withoutIds = skipped.withLock { $0 }
        if withoutIds > 0 { Terminal.error("runscope: skipped \(withoutIds) span\(withoutIds == 1 ? "" : "s") without a trace or span id") }
        // What the app's runs did is theirs: a failed span is no failure of the receiver.
        if outcome > 1 { throw ExitCode(outcome) }
    }

    /// `HOST:PORT` or `[V6]:PORT` split; a bad one is a usage error.
    static func address(_ text: String) throws -> (String, Int) {
        var host: Substring
        var portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(after: close)...].drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            throw ValidationError("--listen \(text): expected HOST:PORT, e.g. 127.0.0.1:4318")
        }
        if host.isEmpty { host = "127.0.0.1" }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ValidationError("--listen \(text): the port must be a number from 0 to 65535")
        }
        return (String(host), port)
    }

    /// Whether `host` is this machine only (127.0.0.0/8, ::1, localhost).
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
