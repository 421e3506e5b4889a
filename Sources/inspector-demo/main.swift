// A demo chain for the live inspector: two streaming branches in parallel, then
// steps that combine, check and summarise. Flags pick failure, CJK and escape-injection variants.
import Foundation
import RunscopeBenchmarks
import RunscopeCore
import RunscopeTUI

let arguments = Array(CommandLine.arguments.dropFirst())

if arguments.contains("--help") || arguments.contains("-h") {
    print("""
        usage: inspector-demo [--fail] [--cjk] [--inject] [--delay SECONDS] [--repeat N] [--exit-on-finish] [--no-mouse] [--title T]
               inspector-demo --bench [--runs N] [--tokens N]
          --fail            the "check" step fails (ValueError)
          --cjk             the poem branch answers in Japanese and Chinese, with emoji
          --inject          model output and a run name carry terminal escape sequences
          --delay SECONDS   seconds between streamed tokens (default 0.05)
          --repeat N        make each answer N times longer
          --exit-on-finish  quit when the chain ends
          --no-mouse        leave the mouse to the terminal
          --bench           print the inspector benchmark figures and exit
        """)
    exit(0)
}

func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

if arguments.contains("--bench") {
    let runs = option("--runs").flatMap(Int.init) ?? 100_000
    let tokens = option("--tokens").flatMap(Int.init) ?? 1_000_000
    print(InspectorBenchmark.report(runs: runs, tokens: tokens))
    exit(0)
}

let settings = DemoChain.Settings(
    fail: arguments.contains("--fail"), cjk: arguments.contains("--cjk"), inject: arguments.contains("--inject"),
    delay: option("--delay").flatMap(Double.init) ?? 0.05, repeatCount: option("--repeat").flatMap(Int.init) ?? 1)
let chain = try DemoChain.make(settings)
let title = option("--title") ?? "demo-chain.json"

do {
    let outcome = try await InspectorApp.run(
        title: title, exitOnFinish: arguments.contains("--exit-on-finish"), mouse: !arguments.contains("--no-mouse")
    ) { handlers in
        Task { try await chain.invoke(["topic": "terminals"], config: RunConfig(callbacks: handlers)) }
    }
    exit(outcome.exitStatus)
} catch {
    FileHandle.standardError.write(Data("inspector-demo: \(error)\n".utf8))
    exit(2)
}
