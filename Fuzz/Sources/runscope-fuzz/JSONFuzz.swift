import RunscopeCore

/// JSONParser: a value it parses serializes (compact and indented) to text that parses
/// back to the same value.
enum JSONFuzz {
    static func run(_ bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes: bytes) else { return }
        for text in [value.compactJSON(), value.jsonString(indent: 2)] {
            let again: Value
            do { again = try JSONParser.parse(text) } catch {
                fuzzCheck(false, "serialized JSON does not parse: \(error): \(text)")
                return
            }
            fuzzCheck(again == value, "round trip changed the value: \(text) -> \(again.compactJSON())")
        }
        let fromText = try? JSONParser.parse(bytes.text)
        if bytes.text.utf8.elementsEqual(bytes) { fuzzCheck(fromText == value, "bytes and text parse differently") }
    }
}
