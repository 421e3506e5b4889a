/// Why a received OTLP body could not be read: the receiver answers 400 with this text.
public struct OTLPDecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The body is over the receiver's limit (an answer of 413, not 400).
    public var tooLarge: Bool

    /// An error saying `message`.
    public init(_ message: String, tooLarge: Bool = false) {
        self.message = message
        self.tooLarge = tooLarge
    }

    public var description: String { message }
}
