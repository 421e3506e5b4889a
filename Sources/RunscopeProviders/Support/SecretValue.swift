/// An API key held so that it never shows: its description, debug description and
/// mirror (`dump`, `print`, string interpolation) are all `**********`.
public struct SecretValue: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The key itself; read it only to put it in a request header.
    public let revealed: String

    /// Wraps a key.
    public init(_ value: String) { self.revealed = value }

    public var description: String { "**********" }
    public var debugDescription: String { "SecretValue(**********)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// `text` with every occurrence of the key replaced by `**********`.
    public func scrub(_ text: String) -> String {
        guard revealed.count >= 4, text.contains(revealed) else { return text }
        return text.replacingOccurrences(of: revealed, with: "**********")
    }
}
