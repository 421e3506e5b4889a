/// Errors reported by ``NDJSONLineSplitter``.
public enum NDJSONLineSplitterError: Error, Sendable, Hashable {
    /// A line, not counting its LF or CRLF terminator, was longer than `maxLineLength` bytes.
    case lineTooLong(maxLineLength: Int)
}
