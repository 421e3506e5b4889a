import Foundation

/// A parsed mustache template: `{{name}}` (dotted names allowed), `{{{name}}}`,
/// sections `{{#name}}...{{/name}}`, inverted sections `{{^name}}...{{/name}}`
/// and comments `{{! ...}}`. Values are inserted as-is (no HTML escaping: the
/// output is a prompt, not a page).
struct MustacheTemplate: Sendable, Equatable {
    indirect enum Node: Sendable, Equatable {
        case text(String)
        case variable(String)
        case section(String, inverted: Bool, [Node])
    }

    let nodes: [Node]

    /// Parses `template`; unclosed tags and mismatched sections are errors.
    init(_ template: String) throws(TemplateError) {
        var scanner = Scanner(text: template)
        let (nodes, closing) = try scanner.parse(until: nil)
        if let closing { throw TemplateError("unexpected {{/\(FStringTemplate.visible(closing))}} in template \(FStringTemplate.quote(template))") }
        self.nodes = nodes
    }

    /// Top-level variable names, in order of first appearance.
    var variables: [String] {
        var names: [String] = []
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text: break
                case .variable(let name), .section(let name, _, _):
                    let root = String(name.prefix { $0 != "." })
                    if root != "", !names.contains(root) { names.append(root) }
                    if case .section(_, _, let children) = node { _ = children }
                }
            }
        }
        visit(nodes)
        return names
    }

    /// Renders the template with `values`.
    func format(_ values: ValueObject) -> String {
        var out = ""
        Self.render(nodes, stack: [.object(values)], into: &out)
        return out
    }

    private static func render(_ nodes: [Node], stack: [Value], into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text): out += text
            case .variable(let name): out += resolve(name, stack)?.mustacheText ?? ""
            case .section(let name, let inverted, let children):
                let value = resolve(name, stack)
                let truthy = value.map { $0.isTruthy } ?? false
                if inverted {
                    if !truthy { render(children, stack: stack, into: &out) }
                } else if truthy, let value {
                    if case .array(let items) = value {
                        for item in items { render(children, stack: stack + [item], into: &out) }
                    } else {
                        render(children, stack: stack + [value], into: &out)
                    }
                }
            }
        }
    }

    private static func resolve(_ name: String, _ stack: [Value]) -> Value? {
        if name == "." { return stack.last }
        let path = name.split(separator: ".").map(String.init)
        guard let first = path.first else { return nil }
        for context in stack.reversed() {
            if var current = context.objectValue?[first] {
                for key in path.dropFirst() {
                    guard let next = current.objectValue?[key] else { return nil }
                    current = next
                }
                return current
            }
        }
        return nil
    }

    /// Reads tags and text.
    private struct Scanner {
        let chars: [Character]
        var index = 0
        let text: String

        init(text: String) {
            self.text = text
            self.chars = Array(text)
        }

        mutating func parse(until section: String?) throws(TemplateError) -> ([Node], String?) {
            var nodes: [Node] = []
            var literal = ""
            while index < chars.count {
                if chars[index] == "{", index + 1 < chars.count, chars[index + 1] == "{" {
                    if !literal.isEmpty { nodes.append(.text(literal)); literal = "" }
                    let tag = try readTag()
                    switch tag.first {
                    case "!": continue
                    case "#", "^":
                        let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
                        let (children, closing) = try parse(until: name)
                        guard closing == name else { throw unclosed(name) }
                        nodes.append(.section(name, inverted: tag.first == "^", children))
                    case "/":
                        return (nodes, String(tag.dropFirst()).trimmingCharacters(in: .whitespaces))
                    case "&": nodes.append(.variable(String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)))
                    default: nodes.append(.variable(tag.trimmingCharacters(in: .whitespaces)))
                    }
                } else {
                    literal.append(chars[index])
                    index += 1
                }
            }
            if !literal.isEmpty { nodes.append(.text(literal)) }
            if let section { throw unclosed(section) }
            return (nodes, nil)
        }

        private func unclosed(_ name: String) -> TemplateError {
            TemplateError("section {{#\(FStringTemplate.visible(name))}} is not closed in template \(FStringTemplate.quote(text))")
        }

        mutating func readTag() throws(TemplateError) -> String {
            let triple = index + 2 < chars.count && chars[index + 2] == "{"
            let start = index
            index += triple ? 3 : 2
            var tag = ""
            while index < chars.count {
                if chars[index] == "}", index + 1 < chars.count, chars[index + 1] == "}" {
                    index += 2
                    if triple {
                        guard index < chars.count, chars[index] == "}" else { break }
                        index += 1
                    }
                    return tag
                }
                tag.append(chars[index])
                index += 1
            }
            throw TemplateError("unclosed tag at character \(start + 1) of template \(FStringTemplate.quote(text))")
        }
    }
}

extension Value {
    /// The text mustache inserts for a value.
    var mustacheText: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        default: return text
        }
    }
}
