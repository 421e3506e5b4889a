import RunscopeCore

/// Partial JSON (JsonOutputParser.parsePartial): text that is JSON parses to its value;
/// every cut-off prefix of it parses without crashing.
enum PartialJSONFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = bytes.text
        let partial = JsonOutputParser.parsePartial(text)
        if let full = try? JSONParser.parse(text) {
            fuzzCheck(partial == full, "complete JSON gave another value: \(text)")
        }
        guard text.count <= 64 else { return }
        var prefix = ""
        for c in text {
            prefix.append(c)
            _ = JsonOutputParser.parsePartial(prefix)
        }
    }
}
