/// A string prompt: a template filled in from an object of values.
public struct PromptTemplate: Runnable {
    public let template: TextTemplate
    /// Values filled in ahead of time.
    public let partialVariables: ValueObject
    public let name: String

    /// A prompt from a template string; syntax errors throw.
    public init(
        _ template: String, format: TemplateFormat = .fString, partialVariables: ValueObject = [:],
        name: String = "PromptTemplate"
    ) throws(TemplateError) {
        self.template = try TextTemplate(template, format: format)
        self.partialVariables = partialVariables
        self.name = name
    }

    /// A prompt from a template string (LangChain's `from_template`).
    public static func fromTemplate(_ template: String, format: TemplateFormat = .fString) throws(TemplateError)
        -> PromptTemplate
    {
        try PromptTemplate(template, format: format)
    }

    /// The variables a caller must supply.
    public var inputVariables: [String] { template.variables.filter { partialVariables[$0] == nil } }

    /// The filled-in text.
    public func format(_ input: Value) throws -> String {
        let values = try PromptInput.values(input, required: inputVariables, partials: partialVariables, prompt: name)
        return template.render(values)
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, runType: .prompt, inputs: input, serialized: serialized, keeping: self) { _ in
            .promptValue(.string(try format(input)))
        }
    }

    /// LangChain's serialized form.
    public var serialized: Value { template.serializedPrompt() }
}
