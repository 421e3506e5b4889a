import Foundation
import RunscopeCore
import RunscopeTestServer

/// `runscope-test-server [--host 127.0.0.1] [--port 0] [--scenario NAME] [--delay-ms 20] [--tokens "a|b|c"]
/// [--conversation FILE]... [--record FILE]`
///
/// Starts the scripted provider server (see `Scenario` in RunscopeTestServer and
/// docs/providers.md), prints the chosen port as its first line, then serves until killed.
/// Endpoints: `POST /v1/chat/completions` (OpenAI), `POST /v1/messages` (Anthropic),
/// `POST /api/chat` (Ollama). The request's model name selects a scenario, on top of `--scenario`.
/// `--conversation FILE` adds a `ScriptedConversation` (JSON) that `conversation-<name>` selects;
/// `--record FILE` writes every request as one JSON line (`method`, `path`, `body`).

let usage = """
    usage: runscope-test-server [--host 127.0.0.1] [--port 0] [--scenario NAME] [--delay-ms MS] [--cached-tokens N] [--tokens "a|b|c"]
                                [--conversation FILE]... [--record FILE]
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n" + usage + "\n").utf8))
    exit(2)
}

/// The conversation in the JSON file at `path`; a bad file ends the program with its error.
func readConversation(_ path: String) -> ScriptedConversation {
    guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read the file") }
    do {
        return try ScriptedConversation(json: try JSONParser.parse(bytes: Array(data)))
    } catch {
        fail("\(path): \(error)")
    }
}

/// A request handler that appends each request to the file at `path` as one JSON line.
func recorder(_ path: String) -> @Sendable (RecordedRequest) -> Void {
    guard let log = RequestLog(path: path) else { fail("\(path): cannot create the file") }
    return { request in log.append(request) }
}

var host = "127.0.0.1"
var port = 0
var options = TestServerOptions()
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    if flag == "--help" || flag == "-h" {
        print(usage)
        exit(0)
    }
    guard let value = arguments.popFirst() else { fail("missing value after \(flag)") }
    switch flag {
    case "--host": host = value
    case "--port": port = Int(value) ?? { fail("--port takes a number, got \(value)") }()
    case "--scenario": options.defaultScenario = value
    case "--delay-ms": options.tokenDelay = (Double(value) ?? { fail("--delay-ms takes a number, got \(value)") }()) / 1000
    case "--cached-tokens": options.cachedInputTokens = Int(value) ?? { fail("--cached-tokens takes a number, got \(value)") }()
    case "--tokens": options.tokens = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    case "--conversation":
        let conversation = readConversation(value)
        options.conversations[conversation.name] = conversation
    case "--record": options.onRequest = recorder(value)
    default: fail("unknown option \(flag)")
    }
}
guard host == "127.0.0.1" || host == "::1" || host == "localhost" else { fail("the test server listens on loopback only") }

/// Starts the server and serves until the process is killed.
func serve() async throws {
    let server = try await TestServer.start(options: options, host: host, port: port)
    FileHandle.standardOutput.write(Data("\(server.port)\n".utf8))
    try await server.waitUntilStopped()
}

do {
    try await serve()
} catch {
    fail("runscope-test-server: \(error)")
}
