import Foundation
import RunscopeCore

/// Conditions for branches: `{"key": "topic", "equals": "math"}` and friends, run
/// as a small lambda named after the test (`topic == "math"`).
extension CompactDecoder {
    static let operators: Set<String> = ["equals", "not_equals", "contains", "matches", "exists", "in"]

    func test(_ node: JSONNode) throws(LoadError) -> any Runnable {
        node.warnUnknown(Self.operators.union(["key"]), in: "test key")
        let key = try node.optionalString("key")
        let present = Self.operators.filter { node.has($0) }
        guard present.count == 1, let op = present.first else {
            throw node.error("a test has one operator: \(Self.operators.sorted().joined(separator: ", "))")
        }
        let operand = node[op]
        let label = "\(key ?? "input") \(op) \(operand.value.jsonString())"
        let check = try predicate(op, operand)
        return RunnableLambda(name: label) { input in
            let subject = key.map { input[$0] ?? .null } ?? input
            return .bool(check(subject))
        }
    }

    private func predicate(_ op: String, _ operand: JSONNode) throws(LoadError) -> @Sendable (Value) -> Bool {
        let expected = operand.value
        switch op {
        case "equals": return { $0 == expected }
        case "not_equals": return { $0 != expected }
        case "contains":
            let needle = try operand.string()
            return { $0.text.localizedCaseInsensitiveContains(needle) }
        case "matches":
            let pattern = try operand.string()
            guard let regex = try? NSRegularExpression(pattern: pattern) else { throw operand.error("invalid regular expression") }
            let box = RegexBox(regex)
            return { value in box.matches(value.text) }
        case "exists":
            let wanted = try operand.bool()
            return { ($0 != .null) == wanted }
        default:
            let options = try operand.array().map(\.value)
            return { options.contains($0) }
        }
    }
}

/// A compiled regular expression shared by a condition's runs.
// @unchecked Sendable: NSRegularExpression is immutable and documented thread-safe.
final class RegexBox: @unchecked Sendable {
    let regex: NSRegularExpression
    init(_ regex: NSRegularExpression) { self.regex = regex }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
