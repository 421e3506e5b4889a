import Foundation
import RunscopeCore
import RunscopeOTLP

/// What `--otlp` costs the chain: nanoseconds per event added by the exporter (its
/// queue append; the spans are built and sent on its own thread), and per streamed
/// token through a real chain. The endpoint is a closed loopback port: nothing is sent
/// while the chain runs in any case, and at close the batch fails at once.
enum OTLPBench {
    /// The figures as JSON (`runscope-bench --only otlp`).
    static func figures() async throws -> Value {
        let bare = try await dispatchCost(exporter: false)
        let exported = try await dispatchCost(exporter: true)
        let streamBare = try await streamCost(exporter: false)
        let streamExported = try await streamCost(exporter: true)
        return [
            "otlp_dispatch_ns_per_event": [
                "no_handler": round3(bare.ns), "otlp_exporter": round3(exported.ns),
                "added": round3(exported.ns - bare.ns), "dropped": .int(exported.dropped),
            ],
            "otlp_stream_us_per_token": [
                "chain": "prompt | GenericFakeChatModel(1000 words) | StrOutputParser",
                "no_handler": round3(streamBare.us), "otlp_exporter": round3(streamExported.us),
                "added_ns": round3((streamExported.us - streamBare.us) * 1000), "dropped": .int(streamExported.dropped),
            ],
        ]
    }

    static func exporter() -> OTLPExporter {
        var configuration = OTLPConfiguration(endpoint: "http://127.0.0.1:9/v1/traces")
        configuration.maxAttempts = 1
        configuration.closeTimeout = 1
        return OTLPExporter(configuration: configuration)
    }

    /// Nanoseconds per `on_llm_new_token` dispatch, best of 5 rounds of 1M events (within the queue's room).
    static func dispatchCost(exporter withExporter: Bool, events: Int = 1_000_000) async throws -> (ns: Double, dropped: Int) {
        var bestTime = Double.infinity
        var dropped = 0
        for _ in 0..<5 {
            let exporter = withExporter ? exporter() : nil
            let config = RunConfig(callbacks: exporter.map { [$0] } ?? [])
            let run = try config.startChainRun(name: "bench", inputs: [:])
            let start = ContinuousClock.now
            for _ in 0..<events { try run.newToken("tok") }
            bestTime = min(bestTime, seconds(ContinuousClock.now - start))
            try run.chainEnd("done")
            dropped += exporter?.close().dropped ?? 0
        }
        return (bestTime / Double(events) * 1e9, dropped)
    }

    /// Microseconds per streamed token through `benchChain()`, best of 30 runs.
    static func streamCost(exporter withExporter: Bool) async throws -> (us: Double, dropped: Int) {
        let chain = try benchChain()
        let exporter = withExporter ? exporter() : nil
        var count = 0
        var bestTime = Double.infinity
        for _ in 0..<30 {
            let config = RunConfig(callbacks: exporter.map { [$0] } ?? [])
            count = 0
            let start = ContinuousClock.now
            for try await _ in chain.stream(["x": "hi"], config: config) { count += 1 }
            bestTime = min(bestTime, seconds(ContinuousClock.now - start))
        }
        let dropped = exporter?.close().dropped ?? 0
        return (bestTime / Double(max(1, count)) * 1e6, dropped)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
