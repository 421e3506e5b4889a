/// A chat model's run over a stream of input chunks, while its consumer pulls from it:
/// the run starts when the whole input has arrived, each chunk of the answer is a token
/// event, and the end reports the whole answer.
///
/// Once the run has started, a poll hands over the next chunk without suspending when
/// the model's stream has it at hand (the scripted model with no delay).
// @unchecked Sendable: a stream is pulled by one consumer at a time, so this state is
// never touched from two tasks at once, and no two accesses to one of its properties
// overlap (hence @exclusivity(unchecked): no dynamic checks on the per-token path).
final class ModelStreamState<Model: ChatModel>: @unchecked Sendable {
    private let model: Model
    private let config: RunConfig
    @exclusivity(unchecked) private var upstream: ValueStream.AsyncIterator
    @exclusivity(unchecked) private var emitter: TokenEmitter?
    @exclusivity(unchecked) private var finished = false

    init(model: Model, source: ValueStream, config: RunConfig) {
        self.model = model
        self.config = config
        self.upstream = source.makeAsyncIterator()
    }

    /// The next chunk of the answer, or `nil` at its end.
    func next() async throws -> Value? {
        if finished { return nil }
        if emitter == nil {
            var whole = ValueAccumulator()
            while let chunk = try await upstream.next() { whole.add(chunk) }
            guard let input = whole.value else {
                finished = true
                return nil
            }
            try start(input)
        }
        return try deliver(try await emitter!.next())
    }

    /// `next()` without suspending, once the run has started and its chunk is at hand.
    func poll() throws -> ValueStream.Poll {
        if finished { return .ready(nil) }
        guard let emitter, case .some(let chunk) = try emitter.poll() else { return .pending }
        return .ready(try deliver(chunk))
    }

    /// Starts the model's run on the whole input.
    private func start(_ input: Value) throws {
        let messages = try model.messages(from: input)
        let run = try model.startRun(messages, config: config)
        config.keep(model, input: input, runId: run.runId)
        var options = ChatCallOptions(kwargs: config.callKwargs)
        options.run = run
        emitter = TokenEmitter(stream: model.chatStream(messages, options: options), run: run)
    }

    /// A chunk as a value, or at the answer's end (`nil`) the run's end event.
    private func deliver(_ chunk: Message?) throws -> Value? {
        if let chunk { return .message(chunk) }
        finished = true
        let emitter = emitter!
        var message = emitter.total ?? Message(role: .ai, content: "", id: emitter.messageId, isChunk: true)
        message.isChunk = true
        try emitter.run.llmEnd(LLMResult(generations: [[Generation(text: message.content, message: message)]]))
        return nil
    }
}
