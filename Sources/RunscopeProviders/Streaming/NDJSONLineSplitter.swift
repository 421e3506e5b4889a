/// An incremental splitter for newline-delimited JSON bodies (e.g. Ollama's streaming API).
///
/// Lines end in LF or CRLF (the CR is removed; a CR not followed by LF stays in the line).
/// Blank lines — empty or only JSON whitespace (space, tab, CR) — are skipped. Lines are
/// returned byte for byte otherwise, untrimmed and undecoded: ``feed(_:)`` yields `[UInt8]`
/// (hand them straight to a JSON decoder); ``feedStrings(_:)`` yields `String`s decoded as
/// UTF-8 with U+FFFD for invalid bytes. Because a line is only returned once its terminator
/// arrives, chunks may be cut anywhere, including inside a UTF-8 sequence or a CRLF.
///
/// A line longer than ``maxLineLength`` throws ``NDJSONLineSplitterError/lineTooLong(maxLineLength:)``
/// instead of buffering without bound. The failure is sticky: every later `feed`/`finish`
/// throws it again until ``reset()``, since the stream can no longer be trusted.
public struct NDJSONLineSplitter: Sendable {
    /// The default line length limit: 16 MiB.
    public static let defaultMaxLineLength = 16 * 1024 * 1024

    /// The longest line accepted, in bytes, excluding its terminator.
    public let maxLineLength: Int

    /// Bytes of a line that began in an earlier chunk and has not ended yet.
    private var partialLine: [UInt8] = []
    /// The error that stopped the splitter, if any.
    private var failure: NDJSONLineSplitterError?

    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// Creates a splitter positioned at the start of a stream.
    /// - Parameter maxLineLength: the longest line accepted in bytes; must be positive.
    public init(maxLineLength: Int = NDJSONLineSplitter.defaultMaxLineLength) {
        precondition(maxLineLength > 0, "maxLineLength must be positive")
        self.maxLineLength = maxLineLength
    }

    /// Splits the next chunk and returns the non-blank lines it completes, as raw bytes.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(NDJSONLineSplitterError) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        try feed(bytes, into: &lines)
        return lines
    }

    /// Splits the next chunk, appending the non-blank lines it completes to `lines`. On a
    /// thrown error, lines completed before the oversized one are still in `lines`.
    public mutating func feed(
        _ bytes: some Collection<UInt8>, into lines: inout [[UInt8]]
    ) throws(NDJSONLineSplitterError) {
        try split(bytes) { lines.append(Array($0)) }
    }

    /// Splits the next chunk and returns the non-blank lines it completes, decoded as UTF-8.
    public mutating func feedStrings(_ bytes: some Collection<UInt8>) throws(NDJSONLineSplitterError) -> [String] {
        var lines: [String] = []
        try split(bytes) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    /// Ends the stream and returns its final, unterminated line (a trailing CR removed),
    /// or `nil` if there is none or it is blank. The splitter is then ready for a new stream.
    public mutating func finish() throws(NDJSONLineSplitterError) -> [UInt8]? {
        if let failure { throw failure }
        let line = partialLine
        partialLine = []
        let content = line.last == Self.carriageReturn ? line.dropLast() : line[...]
        return content.allSatisfy(Self.isJSONWhitespace) ? nil : Array(content)
    }

    /// Like ``finish()``, but decodes the final line as UTF-8.
    public mutating func finishString() throws(NDJSONLineSplitterError) -> String? {
        try finish().map { String(decoding: $0, as: UTF8.self) }
    }

    /// Clears buffered bytes and any sticky failure, ready for a new stream.
    public mutating func reset() {
        partialLine = []
        failure = nil
    }

    /// Runs `consume` over contiguous bytes and records/throws any failure.
    private mutating func split(
        _ bytes: some Collection<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) throws(NDJSONLineSplitterError) {
        if let failure { throw failure }
        var error = bytes.withContiguousStorageIfAvailable { consume($0, emit: emit) }
        if error == nil {
            error = Array(bytes).withUnsafeBufferPointer { consume($0, emit: emit) }
        }
        if let error = error ?? nil {
            failure = error
            partialLine = []
            throw error
        }
    }

    /// Finds every LF in `buffer`, emitting complete lines and keeping the tail.
    private mutating func consume(
        _ buffer: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> NDJSONLineSplitterError? {
        var lineStart = 0
        var index = 0
        while index < buffer.count {
            if buffer[index] != Self.lineFeed {
                index += 1
                continue
            }
            let tail = UnsafeBufferPointer(rebasing: buffer[lineStart..<index])
            if let error = endLine(tail, emit: emit) { return error }
            index += 1
            lineStart = index
        }
        return keepPartial(UnsafeBufferPointer(rebasing: buffer[lineStart...]))
    }

    /// Completes a line whose last bytes are `tail`, joining it with carried-over bytes.
    private mutating func endLine(
        _ tail: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> NDJSONLineSplitterError? {
        let limit = maxLineLength
        if partialLine.isEmpty { return Self.emitLine(tail, limit: limit, emit: emit) }
        if partialLine.count + tail.count > limit + 1 { return .lineTooLong(maxLineLength: limit) }
        partialLine.append(contentsOf: tail)
        let error = partialLine.withUnsafeBufferPointer { Self.emitLine($0, limit: limit, emit: emit) }
        partialLine.removeAll(keepingCapacity: partialLine.capacity <= 1 << 16)
        return error
    }

    /// Buffers an unterminated tail, failing early once it can no longer fit the limit.
    private mutating func keepPartial(_ rest: UnsafeBufferPointer<UInt8>) -> NDJSONLineSplitterError? {
        guard !rest.isEmpty else { return nil }
        let possibleTerminatorCR = rest.last == Self.carriageReturn ? 1 : 0
        if partialLine.count + rest.count - possibleTerminatorCR > maxLineLength {
            return .lineTooLong(maxLineLength: maxLineLength)
        }
        partialLine.append(contentsOf: rest)
        return nil
    }

    /// Strips one trailing CR, checks the limit, and emits the line unless it is blank.
    private static func emitLine(
        _ line: UnsafeBufferPointer<UInt8>, limit: Int, emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> NDJSONLineSplitterError? {
        var content = line
        if content.last == carriageReturn { content = UnsafeBufferPointer(rebasing: content.dropLast()) }
        if content.count > limit { return .lineTooLong(maxLineLength: limit) }
        if !content.allSatisfy(isJSONWhitespace) { emit(content) }
        return nil
    }

    /// Whether `byte` is JSON insignificant whitespace other than LF (space, tab, CR).
    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == carriageReturn
    }
}
