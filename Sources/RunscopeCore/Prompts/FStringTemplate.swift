import Foundation

/// A parsed Python f-string template: literal text and `{name}` variables, with
/// `{{` and `}}` as literal braces.
struct FStringTemplate: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case text(String)
        case variable(String)
    }

    let parts: [Part]

    /// Parses `template`; an unbalanced brace or an empty or malformed variable is an error.
    init(_ template: String) throws(TemplateError) {
        var parts: [Part] = []
        var text = ""
        var chars = Array(template)[...]
        var column = 0
        while let c = chars.popFirst() {
            column += 1
            if c == "{" {
                if chars.first == "{" { chars.removeFirst(); column += 1; text.append("{"); continue }
                let name = try Self.readVariable(&chars, column: &column, template: template)
                if !text.isEmpty { parts.append(.text(text)); text = "" }
                parts.append(.variable(name))
            } else if c == "}" {
                guard chars.first == "}" else {
                    throw TemplateError("unbalanced '}' at column \(column) of template \(Self.quote(template)) (write '}}' for a literal brace)")
                }
                chars.removeFirst()
                column += 1
                text.append("}")
            } else {
                text.append(c)
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
    }

    private static func readVariable(
        _ chars: inout ArraySlice<Character>, column: inout Int, template: String
    ) throws(TemplateError) -> String {
        let start = column
        var name = ""
        while let c = chars.popFirst() {
            column += 1
            if c == "}" {
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else {
                    throw TemplateError("empty variable '{}' at column \(start) of template \(quote(template))")
                }
                guard trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "[" || $0 == "]" })
                else {
                    throw TemplateError("invalid variable '{\(Self.visible(name))}' at column \(start) of template \(quote(template)) (format specs are not supported)")
                }
                return trimmed
            }
            if c == "{" { break }
            name.append(c)
        }
        throw TemplateError("unbalanced '{' at column \(start) of template \(quote(template)) (write '{{' for a literal brace)")
    }

    static func quote(_ template: String) -> String {
        let short = template.count > 60 ? String(template.prefix(57)) + "..." : template
        return "\"" + visible(short) + "\""
    }

    /// `text` with its control characters written as escapes (see ``VisibleText``).
    static func visible(_ text: String) -> String { VisibleText.escaped(text) }

    /// The variable names, in order of first appearance.
    var variables: [String] {
        var seen: [String] = []
        for case .variable(let name) in parts where !seen.contains(Self.root(name)) { seen.append(Self.root(name)) }
        return seen
    }

    /// The variable a dotted or indexed reference starts with (`a` in `a.b`, `a[0]`).
    static func root(_ name: String) -> String {
        String(name.prefix { $0 != "." && $0 != "[" })
    }

    /// Fills the variables in from `values` (Python's `str()` of each value).
    func format(_ values: ValueObject) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .variable(let name): out += Self.lookup(name, in: values)?.text ?? ""
            }
        }
        return out
    }

    /// Resolves `a`, `a.b` or `a[0]` in `values`.
    static func lookup(_ name: String, in values: ValueObject) -> Value? {
        var current = values[root(name)]
        var rest = name.dropFirst(root(name).count)
        while let c = rest.first, let value = current {
            rest = rest.dropFirst()
            let key = String(rest.prefix { $0 != "." && $0 != "[" && $0 != "]" })
            rest = rest.dropFirst(key.count)
            if c == "[" { rest = rest.drop { $0 == "]" } }
            if let index = Int(key), let array = value.arrayValue {
                current = index < array.count ? array[index] : nil
            } else {
                current = value.objectValue?[key]
            }
        }
        return current
    }
}

