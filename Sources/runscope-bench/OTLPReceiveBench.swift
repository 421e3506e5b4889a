import AsyncHTTPClient
import Foundation
import NIOCore
import RunscopeCore
import RunscopeOTLP

/// How fast `runscope otlp` takes spans: protobuf batches of 512 spans shaped like
/// OpenInference's LangChain spans (a chain with a chat model and a tool under it:
/// messages, usage, JSON inputs and outputs), read (`OTLPBody.batch`, the direct reader),
/// turned into runs, put in order and delivered to a handler that does nothing, on one
/// thread; then the same through the HTTP receiver on loopback, with the client in this
/// process. swift-protobuf's decoding of the same bodies is measured beside it.
enum OTLPReceiveBench {
    /// The figures as JSON (`runscope-bench --only otlp-receive`).
    static func figures() async throws -> Value {
        let requests = (0..<40).map { batch(traces: 512 / 4, seed: $0) }
        let bodies = requests.map { try! $0.serializedBytes() as [UInt8] }
        let gzipped = bodies.map { Gzip.compress($0)! }
        let spans = requests.count * 512
        let pipeline = try bestRate(spans: spans) { try receive(bodies, contentEncoding: nil) }
        let pipelineGzip = try bestRate(spans: spans) { try receive(gzipped, contentEncoding: "gzip") }
        let decodeOnly = try bestRate(spans: spans) {
            for body in bodies { _ = try OTLPBody.batch(body, encoding: .protobuf, contentEncoding: nil) }
        }
        let decodeGenerated = try bestRate(spans: spans) { for body in bodies { _ = try OTLPExportRequest(serializedBytes: body) } }
        let batches = try bodies.map { try OTLPBody.batch($0, encoding: .protobuf, contentEncoding: nil) }
        let translateOnly = try bestRate(spans: spans) {
            var skipped = 0
            for batch in batches { _ = SpanTranslator.runs(batch, skipped: &skipped) }
        }
        var skipped = 0
        let runs = batches.map { SpanTranslator.runs($0, skipped: &skipped) }
        let assembleOnly = try bestRate(spans: spans) {
            var assembler = TraceAssembler()
            var ready: [ReceivedEvent] = []
            for batch in runs {
                ready.removeAll(keepingCapacity: true)
                for run in batch { assembler.receive(run, into: &ready) }
            }
        }
        let http = try await httpRate(bodies)
        return [
            "otlp_receive_spans_per_s": [
                "batch": "512 spans (128 traces of chain > chat model + tool + prompt), protobuf",
                "bytes_per_batch": .int(bodies.reduce(0) { $0 + $1.count } / bodies.count),
                "decode_only": .int(Int(decodeOnly)),
                "decode_only_swift_protobuf": .int(Int(decodeGenerated)),
                "translate_only": .int(Int(translateOnly)),
                "assemble_only": .int(Int(assembleOnly)),
                "one_thread": .int(Int(pipeline)),
                "one_thread_gzip": .int(Int(pipelineGzip)),
                "http_loopback": .int(Int(http)),
                "goal": 50_000,
            ],
        ]
    }

    /// Reads every body and delivers its runs in order to a handler that does nothing.
    static func receive(_ bodies: [[UInt8]], contentEncoding: String?) throws {
        var assembler = TraceAssembler()
        let handler = NoOpHandler()
        var skipped = 0
        var ready: [ReceivedEvent] = []
        for body in bodies {
            let batch = try OTLPBody.batch(body, encoding: .protobuf, contentEncoding: contentEncoding)
            ready.removeAll(keepingCapacity: true)
            for run in SpanTranslator.runs(batch, skipped: &skipped) { assembler.receive(run, into: &ready) }
            for item in ready { try item.event.dispatch(to: handler, run: item.run) }
        }
        precondition(skipped == 0 && assembler.waitingCount == 0, "the bench's spans did not all come out")
    }

    /// Spans per second, best of 5 rounds.
    static func bestRate(spans: Int, _ body: () throws -> Void) throws -> Double {
        var bestTime = Double.infinity
        for _ in 0..<5 {
            let start = ContinuousClock.now
            try body()
            bestTime = min(bestTime, OTLPBench.seconds(ContinuousClock.now - start))
        }
        return Double(spans) / bestTime
    }

    /// Spans per second through the HTTP receiver (one connection, one request at a time), best of 3.
    static func httpRate(_ bodies: [[UInt8]]) async throws -> Double {
        let delivered = Locked(0)
        let receiver = try await OTLPReceiver.start(port: 0, acceptSpans: { batch in
            var assembler = TraceAssembler()
            var skipped = 0
            var count = 0
            for run in SpanTranslator.runs(batch, skipped: &skipped) { count += assembler.receive(run).count }
            delivered.withLock { $0 += count }
            return true
        })
        defer { Task { await receiver.stop() } }
        var bestTime = Double.infinity
        for _ in 0..<3 {
            let start = ContinuousClock.now
            for body in bodies {
                var request = HTTPClientRequest(url: receiver.url)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/x-protobuf")
                request.body = .bytes(ByteBuffer(bytes: body))
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                precondition(response.status == .ok, "the receiver answered \(response.status)")
                _ = try await response.body.collect(upTo: 1 << 20)
            }
            bestTime = min(bestTime, OTLPBench.seconds(ContinuousClock.now - start))
        }
        return Double(bodies.count * 512) / bestTime
    }

    /// A request of `traces` traces of four spans each, as the exporter maps runs (both conventions).
    static func batch(traces: Int, seed: Int) -> OTLPExportRequest {
        var scope = OTLPScopeSpans()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000 + Double(seed))
        for _ in 0..<traces {
            let root = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "RunnableSequence", runType: .chain, metadata: ["user": "ada"])
            let prompt = RunInfo(runId: UUIDv7.make(), parentRunId: root.runId, name: "ChatPromptTemplate", runType: .prompt)
            let model = RunInfo(
                runId: UUIDv7.make(), parentRunId: root.runId, name: "ChatOpenAI", runType: .chatModel,
                metadata: ["ls_provider": "openai", "ls_model_name": "gpt-4o-mini"])
            let tool = RunInfo(runId: UUIDv7.make(), parentRunId: root.runId, name: "calculator", runType: .tool)
            let answer = Message(role: .ai, content: "Bears have five toes on each foot.", usage: UsageMetadata(inputTokens: 42, outputTokens: 9))
            let events: [(RunEvent, RunInfo, Double)] = [
                (.chainStart(inputs: ["animal": "bears", "question": "How many toes does a bear have?"]), root, 0),
                (.chainStart(inputs: ["animal": "bears"]), prompt, 0.001),
                (.chainEnd(outputs: "Tell me about bears", inputs: nil), prompt, 0.002),
                (.chatModelStart(messages: [[.system("You are terse."), .human("How many toes does a bear have?")]]), model, 0.003),
                (.llmEnd(LLMResult(generations: [[Generation(text: answer.content, message: answer)]])), model, 0.3),
                (.toolStart(input: "5*4", inputs: ["expression": "5*4"]), tool, 0.31),
                (.toolEnd(output: "20"), tool, 0.32),
                (.chainEnd(outputs: "Bears have five toes on each foot.", inputs: nil), root, 0.33),
            ]
            var assembler = SpanAssembler(keepTokens: false)
            for (event, run, offset) in events {
                if let record = assembler.add(event, run: run, time: t0.addingTimeInterval(offset)) { scope.spans.append(SpanMapper.span(record)) }
            }
        }
        var resourceSpans = OTLPResourceSpans()
        resourceSpans.scopeSpans = [scope]
        var request = OTLPExportRequest()
        request.resourceSpans = [resourceSpans]
        return request
    }
}
