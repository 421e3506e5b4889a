/// How a template marks its variables.
public enum TemplateFormat: String, Sendable, Equatable {
    case fString = "f-string"
    case mustache
}

/// A text template in either format, parsed once when it is built.
public struct TextTemplate: Sendable, Equatable {
    public let template: String
    public let format: TemplateFormat
    private let fString: FStringTemplate?
    private let mustache: MustacheTemplate?

    /// Parses `template`; syntax errors (an unbalanced brace, an unclosed section) throw.
    public init(_ template: String, format: TemplateFormat = .fString) throws(TemplateError) {
        self.template = template
        self.format = format
        switch format {
        case .fString:
            fString = try FStringTemplate(template)
            mustache = nil
        case .mustache:
            fString = nil
            mustache = try MustacheTemplate(template)
        }
    }

    /// The variables the template uses, in order of first appearance.
    public var variables: [String] { fString?.variables ?? mustache?.variables ?? [] }

    /// The text with variables filled in (missing ones are not checked here).
    public func render(_ values: ValueObject) -> String {
        fString?.format(values) ?? mustache?.format(values) ?? template
    }

    /// LangChain's serialized `PromptTemplate` for this text.
    func serializedPrompt() -> Value {
        var object: ValueObject = [
            "lc": 1, "type": "constructor", "id": ["langchain", "prompts", "prompt", "PromptTemplate"],
        ]
        object["kwargs"] = .object([
            "input_variables": .array(variables.map(Value.string)), "template": .string(template),
            "template_format": .string(format.rawValue),
        ])
        object["name"] = "PromptTemplate"
        return .object(object)
    }
}

/// Checks the input of a prompt and turns it into the values to fill in.
enum PromptInput {
    /// `input` as an object of values: an object as-is, or any other value as the
    /// value of the prompt's only variable. Missing required variables throw, naming them.
    static func values(
        _ input: Value, required: [String], partials: ValueObject, prompt: String
    ) throws -> ValueObject {
        var values = partials
        if let object = input.objectValue {
            values = values.merging(object)
        } else if required.count == 1 {
            values[required[0]] = input
        } else {
            throw TemplateError(
                "\(prompt) expects an object with \(list(required)), got \(input.kindName)")
        }
        let missing = required.filter { values[$0] == nil }
        if !missing.isEmpty {
            let received = values.keys.filter { partials[$0] == nil }
            throw TemplateError(
                "\(prompt) is missing \(missing.count == 1 ? "variable" : "variables") \(list(missing)) (expected \(list(required)); received \(received.isEmpty ? "none" : list(received)))")
        }
        return values
    }

    static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
