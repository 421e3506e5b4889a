// The founding example: a custom handler attached in the model's constructor.
// It sees only the model's runs, and prints each streamed token.
import RunscopeCore

/// Prints each token the model streams.
final class MyCustomHandler: CallbackHandler {
    func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) {
        print("My custom handler, token: \(token)")
    }
}

let prompt = try ChatPromptTemplate.fromMessages([("human", "Tell me a joke about {animal}")])

// `streaming: true` makes invoke stream, so the handler gets every token.
let model = GenericFakeChatModel(
    responses: ["Why don't bears wear shoes? Because they have bear feet!"],
    tokenDelay: 0.02, streaming: true, callbacks: [MyCustomHandler()])

let chain = prompt | model
_ = try await chain.invoke(["animal": "bears"])
