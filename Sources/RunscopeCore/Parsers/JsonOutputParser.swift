/// Parses model output as JSON (a Markdown code fence around it is allowed).
/// Streaming yields the partial object each time the text so far parses to a new value.
public struct JsonOutputParser: Runnable {
    public let name: String

    /// A JSON parser.
    public init(name: String = "JsonOutputParser") { self.name = name }

    /// The JSON value of `text`, closed where it is cut off as LangChain's `parse` does
    /// (`parse_json_markdown` with `parse_partial_json`); text that is not JSON throws
    /// with the text attached.
    public static func parse(_ text: String) throws -> Value {
        let body = PartialJSON.stripFence(text)
        if let value = PartialJSON.parse(body) { return value }
        do {
            return try JSONParser.parse(body)
        } catch {
            throw OutputParserError("Invalid json output: \(text) (\(error))", llmOutput: text)
        }
    }

    /// The value streaming shows for the text so far: the fenced JSON, closed where it
    /// is cut off (LangChain's `parse_partial_json`); `nil` if no prefix closes into JSON.
    public static func parsePartial(_ text: String) -> Value? {
        PartialJSON.parse(PartialJSON.stripFence(text))
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, runType: .parser, inputs: input, keeping: self) { _ in
            try Self.parse(parserText(input))
        }
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        transform(.single(input), config: config)
    }

    public func transform(_ input: ValueStream, config: RunConfig) -> ValueStream {
        config.tracedTransform(input, name: name, runType: .parser, keeping: self) { stream, _ in
            ValueStream {
                var upstream = stream.makeAsyncIterator()
                var text = ""
                var last: Value?
                return {
                    while let chunk = try await upstream.next() {
                        text += parserText(chunk)
                        if let value = PartialJSON.parse(PartialJSON.stripFence(text)), value != last {
                            last = value
                            return value
                        }
                    }
                    if last == nil, !text.isEmpty { _ = try Self.parse(text) }
                    return nil
                }
            }
        }
    }
}
