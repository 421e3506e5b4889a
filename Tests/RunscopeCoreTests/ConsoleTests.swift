import Foundation
import RunscopeCore
import RunscopeTestSupport
import Testing

@Suite struct ConsoleTests {
    /// Collects console output lines.
    final class Lines: Sendable {
        let lines = Locked<[String]>([])
        func write(_ text: String) { lines.withLock { $0.append(text) } }
        var text: String { lines.withLock { $0.joined(separator: "\n") } }
    }

    static func console(_ chain: any Runnable, _ input: Value, colors: Bool = false) async throws -> String {
        let lines = Lines()
        let handler = ConsoleCallbackHandler(colors: colors, write: lines.write)
        _ = try? await chain.invoke(input, config: RunConfig(callbacks: [handler]))
        return lines.text
    }

    static func normalize(_ text: String) -> String {
        text.replacingOccurrences(of: #"\[\d+ms\]"#, with: "[Xms]", options: .regularExpression)
            .replacingOccurrences(of: #"lc_run--[0-9a-f-]{36}"#, with: "lc_run--ID", options: .regularExpression)
    }

    /// The founding example's trace, whole.
    @Test func foundingExampleTrace() async throws {
        let chain = try ChatPromptTemplate.fromTemplate("What is 1 + {number}?")
            | GenericFakeChatModel(responses: ["1 + 2 = 3"], tokenDelay: 0)
        let text = try await Self.console(chain, ["number": "2"])
        #expect(Self.normalize(text) == (try Fixtures.text("runtime-callbacks.console.txt")).trimmingCharacters(in: .newlines))
    }

    @Test func coloursAreLangChainJsAnsiCodes() async throws {
        let text = try await Self.console(try ChatPromptTemplate.fromTemplate("{x}"), ["x": "1"], colors: true)
        #expect(text.hasPrefix("\u{1B}[32m[chain/start]\u{1B}[39m [\u{1B}[90m\u{1B}[1m1:prompt:ChatPromptTemplate\u{1B}[22m\u{1B}[39m]"))
        #expect(text.contains("\u{1B}[36m[chain/end]\u{1B}[39m"))
        let plain = try await Self.console(try ChatPromptTemplate.fromTemplate("{x}"), ["x": "1"], colors: false)
        #expect(!plain.contains("\u{1B}"))
    }

    @Test func errorsPrintTypeAndMessage() async throws {
        let text = try await Self.console(try LangChainCases.chainError(), ["animal": "cats"])
        #expect(text.contains(#"[chain/error] [1:chain:RunnableSequence > 5:chain:explode] ["#))
        #expect(text.contains(#"Chain run errored with error: "ValueError: cannot post-process: Why did the cat sit ""#))
    }

    /// The same lines, in the same order and breadcrumbs, as Python LangChain's console
    /// (which prints no execution-order numbers and no retriever lines).
    @Test(arguments: ["prompt_chat_parser_invoke", "parallel_two_branches", "branch", "chain_error", "passthrough_assign"])
    func sameLinesAsLangChain(name: String) async throws {
        let chains: [String: () throws -> any Runnable] = [
            "prompt_chat_parser_invoke": { try LangChainCases.promptChatParser() },
            "parallel_two_branches": { try LangChainCases.parallel() },
            "branch": { try LangChainCases.branch() },
            "chain_error": { try LangChainCases.chainError() },
            "passthrough_assign": { try LangChainCases.assign() },
        ]
        let input: Value = name == "branch" ? ["topic": "animals", "q": "cats"] : ["animal": "cats"]
        let lines = Lines()
        _ = try? await chains[name]!().invoke(
            input, config: RunConfig(callbacks: [ConsoleCallbackHandler(colors: false, write: lines.write)], maxConcurrency: 1))
        #expect(Self.headers(lines.text, stripOrder: true) == Self.headers(try Fixtures.text("langchain/\(name).console.plain.txt"), stripOrder: false))
    }

    /// `[kind/phase] [crumbs]` of every trace line.
    static func headers(_ text: String, stripOrder: Bool) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("["), let close = line.range(of: "] [") else { return nil }
            guard let end = line.range(of: "]", range: close.upperBound..<line.endIndex) else { return nil }
            var crumbs = String(line[close.upperBound..<end.lowerBound])
            if stripOrder { crumbs = crumbs.replacingOccurrences(of: #"(^|> )\d+:"#, with: "$1", options: .regularExpression) }
            return "\(line[..<close.lowerBound])] [\(crumbs)]"
        }
    }
}
