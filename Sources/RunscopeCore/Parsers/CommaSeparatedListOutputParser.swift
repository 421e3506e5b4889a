import Foundation

/// Parses `a, b, c` into `["a", "b", "c"]`; streaming yields each item (as a
/// one-item list) as soon as the comma after it arrives.
public struct CommaSeparatedListOutputParser: Runnable {
    public let name: String

    /// A list parser.
    public init(name: String = "CommaSeparatedListOutputParser") { self.name = name }

    /// The items of `text`, trimmed, empty ones dropped.
    public static func parse(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, runType: .parser, inputs: input, keeping: self) { _ in
            .array(Self.parse(parserText(input)).map(Value.string))
        }
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        transform(.single(input), config: config)
    }

    public func transform(_ input: ValueStream, config: RunConfig) -> ValueStream {
        config.tracedTransform(input, name: name, runType: .parser, keeping: self) { stream, _ in
            ValueStream {
                var upstream = stream.makeAsyncIterator()
                var buffer = ""
                var ready: [String] = []
                var done = false
                return {
                    while ready.isEmpty && !done {
                        if let chunk = try await upstream.next() {
                            buffer += parserText(chunk)
                            guard let comma = buffer.lastIndex(of: ",") else { continue }
                            ready = Self.parse(String(buffer[..<comma]))
                            buffer = String(buffer[buffer.index(after: comma)...])
                        } else {
                            done = true
                            ready = Self.parse(buffer)
                        }
                    }
                    return ready.isEmpty ? nil : .array([.string(ready.removeFirst())])
                }
            }
        }
    }
}

