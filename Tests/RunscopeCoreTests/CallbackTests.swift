import Foundation
import RunscopeCore
import Testing

/// A handler that throws on every event.
final class ThrowingHandler: CallbackHandler {
    let raiseError: Bool
    init(raiseError: Bool) { self.raiseError = raiseError }
    func onChainStart(_ run: RunInfo, inputs: Value) throws { throw ScriptedError("handler broke") }
}

/// A handler that records handler errors reported to it.
final class ErrorWatcher: CallbackHandler {
    let reports = Locked<[String]>([])
    func onHandlerError(_ error: RunError, handler: String, event: String, run: RunInfo) {
        reports.withLock { $0.append("\(handler).\(event): \(error.message)") }
    }
}

/// A handler that ignores chain events.
final class ChainIgnoringCollector: RunEventHandler {
    let events = Locked<[String]>([])
    var ignoreChain: Bool { true }
    func handle(_ event: RunEvent, run: RunInfo) throws { events.withLock { $0.append(event.name) } }
}

@Suite struct CallbackTests {
    static func chain() throws -> RunnableSequence {
        try ChatPromptTemplate.fromTemplate("Say {word}") | GenericFakeChatModel(responses: ["ok then"], tokenDelay: 0)
            | StrOutputParser()
    }

    @Test func aThrowingHandlerIsReportedAndTheChainGoesOn() async throws {
        let watcher = ErrorWatcher()
        let output = try await Self.chain().invoke(
            ["word": "hi"], config: RunConfig(callbacks: [ThrowingHandler(raiseError: false), watcher]))
        #expect(output == "ok then")
        let reports = watcher.reports.withLock { $0 }
        #expect(reports.count == 3, "one per chain start: sequence, prompt, parser")
        #expect(reports.first == "ThrowingHandler.on_chain_start: handler broke")
    }

    @Test func aHandlerThatAsksToRaiseBreaksTheChain() async throws {
        await #expect(throws: ScriptedError.self) {
            try await Self.chain().invoke(["word": "hi"], config: RunConfig(callbacks: [ThrowingHandler(raiseError: true)]))
        }
    }

    @Test func ignoreFlagsSkipThoseEvents() async throws {
        let handler = ChainIgnoringCollector()
        _ = try await Self.chain().invoke(["word": "hi"], config: RunConfig(callbacks: [handler]))
        #expect(handler.events.withLock { $0 } == ["on_chat_model_start", "on_llm_end"])
    }

    @Test func stepTagsGoToTheDirectChildOnly() async throws {
        let collector = EventCollector()
        let inner = RunnableLambda(name: "inner") { $0 }
        let outer = RunnableLambda(name: "outer") { input, config in try await inner.invoke(input, config: config) }
        _ = try await (RunnablePassthrough() | outer).invoke("x", config: RunConfig(callbacks: [collector], tags: ["t"]))
        let tags = Dictionary(collector.all.filter { $0.event.isStart }.map { ($0.run.name, $0.run.tags) }, uniquingKeysWith: { a, _ in a })
        #expect(tags["outer"] == ["seq:step:2", "t"])
        #expect(tags["inner"] == ["t"])
    }

    @Test func runNameAndRunIdApplyToTheOutermostRunOnly() async throws {
        let collector = EventCollector()
        let id = UUIDv7.make()
        _ = try await Self.chain().invoke(["word": "hi"], config: RunConfig(callbacks: [collector], runName: "mine", runId: id))
        let starts = collector.all.filter { $0.event.isStart }
        #expect(starts.first?.run.name == "mine" && starts.first?.run.runId == id)
        #expect(starts.dropFirst().allSatisfy { $0.run.name != "mine" && $0.run.runId != id })
    }

    @Test func everyEventCarriesRunAndParentIds() async throws {
        let collector = EventCollector()
        _ = try await Self.chain().invoke(["word": "hi"], config: RunConfig(callbacks: [collector]))
        let root = try #require(collector.all.first?.run.runId)
        #expect(collector.all.dropFirst().filter { $0.run.runId != root }.allSatisfy { $0.run.parentRunId == root })
    }

    @Test func cancellingAStreamEndsItsRunsAsCancelled() async throws {
        let collector = EventCollector(raiseError: false)
        let model = GenericFakeChatModel(responses: [String(repeating: "word ", count: 200)], tokenDelay: 0.01)
        let chain = try ChatPromptTemplate.fromTemplate("{q}") | model | StrOutputParser()
        let task = Task {
            var count = 0
            for try await _ in chain.stream(["q": "x"], config: RunConfig(callbacks: [collector])) { count += 1 }
            return count
        }
        // Cancelled once the model streams (not after a sleep that a busy machine can outlast).
        while collector.tokens.count < 3 { try await Task.sleep(nanoseconds: 1_000_000) }
        task.cancel()
        _ = try? await task.value
        // The consumer's loop ends at once; the chain's runs end as its own task unwinds.
        // Wait for the root's end (its error) rather than for a time.
        let rootEnded = { collector.all.contains { $0.event.error != nil && $0.run.parentRunId == nil } }
        for _ in 0..<30_000 where !rootEnded() { try await Task.sleep(nanoseconds: 1_000_000) }
        let errors = collector.all.compactMap { $0.event.error }
        #expect(!errors.isEmpty && errors.allSatisfy(\.isCancellation), "\(collector.names.suffix(4))")
        #expect(collector.all.contains { $0.event.name == "on_llm_error" })
        #expect(collector.tokens.count < 400, "the model stopped early")
    }

    @Test func batchRespectsTheConcurrencyLimit() async throws {
        let active = Locked((now: 0, peak: 0))
        let lambda = RunnableLambda { input in
            active.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            try await Task.sleep(nanoseconds: 5_000_000)
            active.withLock { $0.now -= 1 }
            return input
        }
        let outputs = try await lambda.batch((0..<12).map { .int($0) }, config: RunConfig(maxConcurrency: 3))
        #expect(outputs == (0..<12).map { .int($0) })
        #expect(active.withLock { $0.peak } <= 3)
    }

    @Test func fallbacksTryTheNextRunnableOnError() async throws {
        let broken = RunnableLambda(name: "broken") { _ in throw ScriptedError("down") }
        let output = try await broken.withFallbacks([RunnableLambda { _ in "backup" }]).invoke("q")
        #expect(output == "backup")
        await #expect(throws: ScriptedError.self) { try await broken.withFallbacks([broken]).invoke("q") }
    }

    @Test func retryGivesUpAfterMaxAttemptsWithTheLastError() async throws {
        let calls = Counter()
        let flaky = RunnableLambda { _ in throw ScriptedError("attempt \(calls.increment())") }
        await #expect { try await flaky.withRetry(maxAttempts: 3, waitExponentialJitter: false).invoke("x") } throws: {
            "\($0)" == "attempt 3"
        }
        let retry = RunnableRetry(bound: flaky, maxAttempts: 5, initialWait: 1, maxWait: 3, jitter: 0.5)
        #expect(retry.wait(after: 1) >= 1 && retry.wait(after: 1) <= 1.5)
        #expect(retry.wait(after: 4) == 3, "capped at maxWait")
    }

    @Test func branchRunsTheFirstTrueConditionElseTheDefault() async throws {
        let branch = RunnableBranch(
            [(RunnableLambda { .bool($0 == "a") }, RunnableLambda { _ in "A" })], default: RunnableLambda { _ in "other" })
        #expect(try await branch.invoke("a") == "A")
        #expect(try await branch.invoke("b") == "other")
        let streamed = try await branch.streamValues("a", config: RunConfig()).collect()
        #expect(streamed == ["A"])
    }

    @Test func pickAndAssign() async throws {
        #expect(try await RunnablePick(keys: ["a"]).invoke(["a": 1, "b": 2]) == 1)
        #expect(try await RunnablePick(keys: ["a", "b"]).invoke(["a": 1, "b": 2, "c": 3]) == ["a": 1, "b": 2])
        let assign = RunnablePassthrough.assign([("len", RunnableLambda { .int($0["s"]?.text.count ?? 0) })])
        #expect(try await assign.invoke(["s": "abc"]) == ["s": "abc", "len": 3])
        let streamed = try await assign.streamValues(["s": "abc"], config: RunConfig()).reduce()
        #expect(streamed == ["s": "abc", "len": 3])
    }

    @Test func customEventsNeedARunningLambda() throws {
        #expect(throws: Never.self) { try RunConfig().dispatchCustomEvent("x", data: 1) }
    }

    /// A handler bound to one branch is added to that branch's callback manager only (a
    /// manager's fields are shared by its copies until one changes): it sees that branch's
    /// runs, and the runtime handler sees them all.
    @Test func aHandlerBoundToOneBranchSeesThatBranchOnly() async throws {
        let runtime = EventCollector()
        let bound = EventCollector()
        let left = RunnableLambda(name: "left") { $0 }.withConfig(RunConfig(callbacks: [bound], tags: ["mine"]))
        let right = RunnableLambda(name: "right") { $0 }
        let both = RunnableParallel([(key: "left", runnable: left), (key: "right", runnable: right)])
        _ = try await both.invoke("x", config: RunConfig(callbacks: [runtime]))
        let starts = { (collector: EventCollector) in collector.all.filter { $0.event.isStart }.map(\.run.name) }
        #expect(starts(bound) == ["left"])
        #expect(Set(starts(runtime)) == ["RunnableParallel<left,right>", "left", "right"])
        #expect(runtime.all.first { $0.run.name == "right" }?.run.tags.contains("mine") == false, "the binding's tag stays on its branch")
    }
}
