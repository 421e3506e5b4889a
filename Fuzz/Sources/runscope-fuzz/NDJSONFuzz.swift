import RunscopeProviders

/// NDJSONLineSplitter (through `feed(_:into:)`, as the Ollama decoder uses it, which keeps
/// the lines completed before an error): whole or split at one point gives the same lines
/// and the same error; no line holds a newline or is longer than the limit.
enum NDJSONFuzz {
    static let limit = 64

    static func run(_ bytes: [UInt8]) {
        let (split, rest) = bytes.splitPoint()
        let stream = Array(rest)
        let whole = lines([stream[...]])
        let halves = lines([stream[..<split], stream[split...]])
        fuzzCheck(whole.lines == halves.lines && whole.error == halves.error,
                  "split at \(split) gave other lines: \(whole) vs \(halves)")
        for line in whole.lines {
            fuzzCheck(!line.contains(UInt8(ascii: "\n")), "a line holds a newline: \(line)")
            fuzzCheck(line.count <= limit, "a line of \(line.count) bytes passed the \(limit)-byte limit")
        }
    }

    private static func lines(_ chunks: [ArraySlice<UInt8>]) -> (lines: [[UInt8]], error: NDJSONLineSplitterError?) {
        var splitter = NDJSONLineSplitter(maxLineLength: limit)
        var out: [[UInt8]] = []
        do {
            for chunk in chunks { try splitter.feed(chunk, into: &out) }
            if let last = try splitter.finish() { out.append(last) }
            return (out, nil)
        } catch {
            return (out, error)
        }
    }
}
