import RunscopeCore

/// Swift counterparts of the chains `make_traces.py` ran through LangChain.
enum LangChainCases {
    static let joke = "Why did the cat sit on the computer? To keep an eye on the mouse."

    static func model(_ text: String = joke, name: String = "GenericFakeChatModel", streaming: Bool = false,
                      callbacks: [any CallbackHandler] = []) -> GenericFakeChatModel {
        GenericFakeChatModel(messages: [.ai(text)], tokenDelay: 0, streaming: streaming, callbacks: callbacks, name: name)
    }

    static func jokePrompt() throws -> ChatPromptTemplate {
        try ChatPromptTemplate.fromMessages([("system", "You are a terse comedian."), ("human", "Tell me a joke about {animal}")])
    }

    static func promptChatParser(streaming: Bool = false) throws -> RunnableSequence {
        // LangChain's reference uses a subclass with a `streaming` field.
        try jokePrompt() | model(name: streaming ? "StreamingFakeChatModel" : "GenericFakeChatModel", streaming: streaming)
            | StrOutputParser()
    }

    static func parallel() throws -> RunnableParallel {
        let joke = try jokePrompt() | model() | StrOutputParser()
        let poem = try ChatPromptTemplate.fromMessages([("human", "Write a two-word poem about {animal}")])
            | model("Whiskers nap.") | StrOutputParser()
        return RunnableParallel([("joke", joke), ("poem", poem)])
    }

    static func assign() throws -> RunnableSequence {
        let combine = RunnableLambda(name: "combine") { input in
            .string("[\(input["animal"]?.text ?? "")] \(input["joke"]?.text ?? "")")
        }
        return RunnablePassthrough.assign([("joke", try jokePrompt() | model() | StrOutputParser())]) | combine
    }

    static func branch() throws -> RunnableBranch {
        let math = try ChatPromptTemplate.fromTemplate("Solve: {q}") | model("42") | StrOutputParser()
        let animals = try ChatPromptTemplate.fromTemplate("Animal fact: {q}") | model("Cats sleep a lot.") | StrOutputParser()
        return RunnableBranch(
            [
                (RunnableLambda { .bool($0["topic"] == "math") }, math),
                (RunnableLambda { .bool($0["topic"] == "animals") }, animals),
            ], default: RunnableLambda { _ in "I don't know." })
    }

    static func fallbacks() throws -> RunnableSequence {
        let primary = GenericFakeChatModel(
            messages: [.ai("never")], tokenDelay: 0, error: "primary model unavailable", name: "FailingChatModel")
        return try jokePrompt() | primary.withFallbacks([model("Backup joke: cats rule.")]) | StrOutputParser()
    }

    static func chainError() throws -> RunnableSequence {
        let explode = RunnableLambda(name: "explode") { input in
            throw ScriptedError("cannot post-process: \(input.text.prefix(20))")
        }
        return try jokePrompt() | model() | StrOutputParser() | explode | RunnableLambda { $0 }
    }

    /// LangChain's `SimpleRetriever` of the reference: documents sharing a word with the query.
    struct SimpleRetriever: Retriever {
        let documents: [Document]
        var name: String { "SimpleRetriever" }

        func retrieve(_ query: String) async throws -> [Document] {
            let words = Set(query.lowercased().split(separator: " "))
            return documents.filter { !words.isDisjoint(with: $0.pageContent.lowercased().split(separator: " ")) }
        }
    }

    static func retriever() throws -> RunnableSequence {
        let retriever = SimpleRetriever(documents: [
            Document(pageContent: "cats like boxes", metadata: ["source": "a.txt"]),
            Document(pageContent: "dogs like walks", metadata: ["source": "b.txt"]),
            Document(pageContent: "cats like naps", metadata: ["source": "c.txt"]),
        ])
        let format = RunnableLambda(name: "format_docs") { docs in
            .string((docs.arrayValue ?? []).map(\.text).joined(separator: "\n"))
        }
        let prompt = try ChatPromptTemplate.fromMessages([("system", "Context:\n{context}"), ("human", "{question}")])
        let context = RunnableParallel([("context", retriever | format), ("question", RunnablePassthrough())])
        return context | prompt | model("Cats like boxes and naps.") | StrOutputParser()
    }

    static let wordCount = FunctionTool(spec: ToolSpec(
        name: "word_count", description: "Count the words in a text.",
        parameters: ["type": "object", "properties": ["text": ["type": "string"]], "required": ["text"]])
    ) { args in .int((args["text"]?.text ?? "").split(separator: " ").count) }

    static func toolDict() throws -> RunnableSequence {
        try jokePrompt() | model() | StrOutputParser() | RunnableLambda { .object(["text": $0]) } | wordCount
    }

    static func toolCall() throws -> RunnableSequence {
        let toToolCall = RunnableLambda(name: "to_tool_call") { text in
            ["name": "word_count", "args": ["text": text], "id": "call_abc123", "type": "tool_call"]
        }
        return try jokePrompt() | model() | StrOutputParser() | toToolCall | wordCount
    }

    static let jsonPayload =
        #"{"setup": "Why did the cat sit on the computer?", "punchline": "To keep an eye on the mouse.", "rating": 7}"#

    static func jsonStream() throws -> RunnableSequence {
        try jokePrompt() | model(jsonPayload) | JsonOutputParser()
    }

    static func retry() throws -> RunnableSequence {
        let calls = Counter()
        let flaky = RunnableLambda(name: "flaky_step") { input in
            let n = calls.increment()
            if n < 3 { throw ScriptedError("transient failure #\(n)", type: "ConnectionError") }
            return .string(input.text.uppercased())
        }
        return try jokePrompt() | model() | StrOutputParser()
            | flaky.withRetry(maxAttempts: 3, waitExponentialJitter: false)
    }

    static func customEvent() throws -> RunnableSequence {
        let step = RunnableLambda(name: "step") { input, config in
            try config.dispatchCustomEvent("progress", data: ["pct": 50, "msg": "halfway"])
            return input
        }
        return try step | jokePrompt() | model() | StrOutputParser()
    }

    static func preprocess() -> RunnableLambda {
        RunnableLambda(name: "preprocess") { .object(["animal": .string(($0["animal"]?.text ?? "").uppercased())]) }
    }

    static func nested() throws -> RunnableSequence {
        let postprocess = RunnableLambda(name: "postprocess") { .string($0.text + " (nested)") }
        let inner = (try jokePrompt() | model()).named("inner_chain")
        return preprocess() | inner | StrOutputParser() | postprocess
    }

    static func flattened() throws -> RunnableSequence {
        preprocess() | (try jokePrompt() | model()) | StrOutputParser()
    }

    static func tagsMetadata() throws -> RunnableBinding {
        let model = GenericFakeChatModel(
            messages: [.ai(joke)], tokenDelay: 0, tags: ["model-ctor-tag"], metadata: ["model_ctor_meta": 1])
        let prompt = try jokePrompt().withConfig(RunConfig(tags: ["prompt-tag"], metadata: ["prompt_meta": "p"]))
        return (prompt | model | StrOutputParser()).withConfig(RunConfig(tags: ["chain-tag"], runName: "tagged_chain"))
    }

    static func seed(callbacks: [any CallbackHandler] = []) throws -> RunnableSequence {
        try ChatPromptTemplate.fromMessages([("human", "Tell me a joke about {animal}")]) | model(callbacks: callbacks)
    }
}


/// A thread-safe counter for scripted failures.
final class Counter: Sendable {
    private let value = Locked(0)
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}
