/// Turns model output (messages or strings) into plain text, chunk by chunk.
public struct StrOutputParser: Runnable {
    public let name: String

    /// A string parser.
    public init(name: String = "StrOutputParser") { self.name = name }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, runType: .parser, inputs: input, keeping: self) { _ in .string(parserText(input)) }
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        transform(.single(input), config: config)
    }

    public func transform(_ input: ValueStream, config: RunConfig) -> ValueStream {
        config.tracedMap(input, name: name, runType: .parser, keeping: self) { .string(parserText($0)) }
    }
}
