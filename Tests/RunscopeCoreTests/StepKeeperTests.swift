import Foundation
import RunscopeCore
import Testing

/// `RunConfig.stepKeeper`: every run keeps its component, input and config, and a kept
/// step runs again alone, with a new input, as a new trace that the same handlers see.
@Suite struct StepKeeperTests {
    /// Keeps every step it is given, by run id.
    final class Keeper: StepKeeper {
        let steps = Locked<[UUID: KeptStep]>([:])
        func keep(_ step: KeptStep) { steps.withLock { $0[step.runId] = step } }
        subscript(_ id: UUID) -> KeptStep? { steps.withLock { $0[id] } }
    }

    static func chain() throws -> RunnableSequence {
        try ChatPromptTemplate.fromTemplate("Say {word}")
            | GenericFakeChatModel(responses: ["one", "two", "three"], tokenDelay: 0).bind(["stop": ["\n"]])
            | StrOutputParser()
    }

    static func config(_ keeper: Keeper, _ tracer: Tracer) -> RunConfig {
        var config = RunConfig(callbacks: [tracer], tags: ["team"], metadata: ["user": "ada"])
        config.stepKeeper = keeper
        return config
    }

    /// The contents of a prompt value's messages.
    static func contents(_ value: Value?) -> [String]? {
        guard case .promptValue(let prompt)? = value else { return nil }
        return prompt.toMessages().map(\.content)
    }

    static func flatten(_ runs: [RunTree]) -> [RunTree] { runs.flatMap { [$0] + flatten($0.childRuns) } }

    @Test(arguments: [false, true]) func everyRunIsKeptWithTheInputItGot(streaming: Bool) async throws {
        let keeper = Keeper()
        let tracer = Tracer()
        let chain = try Self.chain()
        let config = Self.config(keeper, tracer)
        if streaming {
            _ = try await chain.streamValues(["word": "hi"], config: config).reduce()
        } else {
            _ = try await chain.invoke(["word": "hi"], config: config)
        }
        let runs = Self.flatten(tracer.runs)
        #expect(runs.map(\.name) == ["RunnableSequence", "ChatPromptTemplate", "GenericFakeChatModel", "StrOutputParser"])
        for run in runs { #expect(keeper[run.id] != nil, "\(run.name) was not kept") }
        #expect(keeper[runs[0].id]?.input == ["word": "hi"])
        #expect(keeper[runs[1].id]?.component.name == "ChatPromptTemplate")
        // The model got the prompt's value; the parser (streamed: added up) the model's message.
        #expect(Self.contents(keeper[runs[2].id]?.input) == ["Say hi"])
        #expect(keeper[runs[3].id]?.input.messageValue?.content == "one")
    }

    @Test func aKeptStepRunsAgainAloneWithTheNewInputAsANewTrace() async throws {
        let keeper = Keeper()
        let tracer = Tracer()
        _ = try await Self.chain().invoke(["word": "hi"], config: Self.config(keeper, tracer))
        let prompt = try #require(Self.flatten(tracer.runs).first { $0.name == "ChatPromptTemplate" })
        let step = try #require(keeper[prompt.id])
        let output = try await step.rerun(["word": "bye"])
        #expect(Self.contents(output) == ["Say bye"])
        // A second trace, seen by the handler the chain was run with, with the inherited tags and metadata.
        #expect(tracer.runs.count == 2)
        let rerun = try #require(tracer.runs.last)
        #expect(rerun.name == "ChatPromptTemplate" && rerun.parentRunId == nil && rerun.id != prompt.id)
        #expect(rerun.childRuns.isEmpty, "only the step ran")
        #expect(rerun.tags.contains("team") && !rerun.tags.contains("seq:step:1"), "\(rerun.tags)")
        #expect(rerun.metadata["user"] == "ada")
        #expect(rerun.inputs == ["word": "bye"])
    }

    @Test func aModelStepKeepsTheArgumentsBoundToIt() async throws {
        let keeper = Keeper()
        let tracer = Tracer()
        _ = try await Self.chain().invoke(["word": "hi"], config: Self.config(keeper, tracer))
        let model = try #require(Self.flatten(tracer.runs).first { $0.runType == .chatModel })
        let step = try #require(keeper[model.id])
        #expect(step.config.callKwargs["stop"] == ["\n"])
        let output = try await step.rerun(.array([.message(.human("Say what?"))]), streaming: true)
        #expect(output.messageValue?.content == "two")
        let rerun = try #require(tracer.runs.last)
        #expect(rerun.runType == .chatModel && rerun.parentRunId == nil)
        #expect(rerun.extra["invocation_params"]?.objectValue?["stop"] == ["\n"])
        #expect(rerun.tokens.map(\.text).joined() == "two", "the rerun streamed")
    }

    @Test func aRerunIsKeptTooSoItsStepsCanRunAgain() async throws {
        let keeper = Keeper()
        let tracer = Tracer()
        _ = try await Self.chain().invoke(["word": "hi"], config: Self.config(keeper, tracer))
        let step = try #require(keeper[tracer.runs[0].id])
        _ = try await step.rerun(["word": "again"])
        let rerun = try #require(tracer.runs.last)
        #expect(Self.flatten([rerun]).allSatisfy { keeper[$0.id] != nil })
    }

    @Test func anAgentAndItsModelCallsAreKept() async throws {
        let keeper = Keeper()
        let tracer = Tracer()
        var config = RunConfig(callbacks: [tracer])
        config.stepKeeper = keeper
        _ = try await AgentTests.weatherAgent(AgentTests.oneCall).invoke("Weather in Oslo?", config: config)
        let runs = Self.flatten(tracer.runs)
        #expect(keeper[runs[0].id]?.component is Agent)
        let models = runs.filter { $0.runType == .chatModel }
        #expect(models.count == 2 && models.allSatisfy { keeper[$0.id] != nil })
        #expect(runs.filter { $0.runType == .tool }.allSatisfy { keeper[$0.id] != nil })
    }

    @Test func aRootConfigDetachedKeepsItsOwnSettingsButNotItsRunId() {
        let detached = RunConfig(tags: ["x"], metadata: ["k": 1], runName: "mine", runId: UUID()).detached()
        #expect(detached.tags == ["x"] && detached.metadata["k"] == 1 && detached.runName == "mine")
        #expect(detached.runId == nil)
    }
}
