import Foundation
import RunscopeCore
import RunscopeOTLP

/// The requests real Python clients sent (Fixtures/receive, see its README), and the
/// event logs runscope's own LangChain handler recorded of the same runs.
enum ReceiveFixtures {
    /// One recorded request: its headers and body.
    struct Request {
        var contentType: String
        var contentEncoding: String?
        var body: [UInt8]
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/receive")

    /// The requests of `<name>.requests.jsonl`.
    static func requests(_ name: String) throws -> [Request] {
        try lines(name + ".requests.jsonl").map { value in
            Request(
                contentType: value["content_type"]?.stringValue ?? "",
                contentEncoding: value["content_encoding"]?.stringValue,
                body: Array(Data(base64Encoded: value["body_base64"]?.stringValue ?? "") ?? Data()))
        }
    }

    /// Every request of `name` decoded.
    static func decoded(_ name: String) throws -> [OTLPExportRequest] {
        try requests(name).map { request in
            let encoding = try OTLPBody.Encoding(contentType: request.contentType).orThrow("content type of \(name)")
            return try OTLPBody.decode(request.body, encoding: encoding, contentEncoding: request.contentEncoding)
        }
    }

    /// The runs the receiver makes of `name`'s requests, in delivery order (what waited comes out at the end).
    static func events(_ name: String) throws -> [ReceivedEvent] {
        var assembler = TraceAssembler()
        var skipped = 0
        var out: [ReceivedEvent] = []
        for request in try decoded(name) {
            for run in SpanTranslator.runs(request, skipped: &skipped) { assembler.receive(run, into: &out) }
        }
        return out + assembler.flush()
    }

    /// The lines of a JSON Lines fixture, parsed.
    static func lines(_ file: String) throws -> [Value] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    /// A tree as comparable text: each run as its path of names from the root, with its type.
    static func tree(starts: [(id: String, parent: String?, name: String, type: String)]) -> [String] {
        let byId = Dictionary(starts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return starts.map { run in
            var path = [run.name]
            var parent = run.parent
            while let id = parent, let up = byId[id] {
                path.insert(up.name, at: 0)
                parent = up.parent
            }
            return path.joined(separator: " / ") + " (\(run.type))"
        }.sorted()
    }

    /// The tree of an event log recorded by the Python handler.
    static func oracleTree(_ name: String) throws -> [String] {
        let starts = try lines(name + ".events.jsonl").filter { $0["event"]?.stringValue?.hasSuffix("_start") == true }
        return tree(starts: starts.map { line in
            (line["run_id"]?.stringValue ?? "", line["parent_run_id"]?.stringValue, line["name"]?.stringValue ?? "",
             comparableType(line["run_type"]?.stringValue ?? ""))
        })
    }

    /// The tree of the received runs.
    static func receivedTree(_ events: [ReceivedEvent]) -> [String] {
        tree(starts: events.filter(\.event.isStart).map { item in
            (item.run.runId.uuidString, item.run.parentRunId?.uuidString, item.run.name, comparableType(item.run.runType.rawValue))
        })
    }

    /// OpenInference sends an output parser as a CHAIN span: a parser compares as a chain.
    static func comparableType(_ type: String) -> String {
        type == "parser" ? "chain" : type
    }
}

extension Optional {
    /// The value, or an error saying what was missing.
    func orThrow(_ what: String) throws -> Wrapped {
        guard let self else { throw FixtureError(message: "missing: \(what)") }
        return self
    }
}

/// A fixture that is not what the test expects.
struct FixtureError: Error {
    var message: String
}
