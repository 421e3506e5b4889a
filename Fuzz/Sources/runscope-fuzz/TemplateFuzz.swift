import RunscopeCore

/// TextTemplate, f-string and mustache: a template parses or throws; one that parses renders
/// deterministically, and text with no markup renders as itself.
enum TemplateFuzz {
    static func runFString(_ bytes: [UInt8]) {
        let text = bytes.text
        check(text, .fString, plain: !text.contains("{") && !text.contains("}"))
    }

    static func runMustache(_ bytes: [UInt8]) {
        let text = bytes.text
        check(text, .mustache, plain: !text.contains("{{") && !text.contains("}}"))
    }

    private static func check(_ text: String, _ format: TemplateFormat, plain: Bool) {
        guard let template = try? TextTemplate(text, format: format) else {
            fuzzCheck(!plain, "text with no markup did not parse as \(format): \(text)")
            return
        }
        let values = ValueObject(template.variables.enumerated().map { ($0.element, Value.string("v\($0.offset)")) })
        let rendered = template.render(values)
        fuzzCheck(rendered == template.render(values), "rendering is not deterministic: \(text)")
        _ = template.render([:])
        if plain {
            fuzzCheck(template.variables.isEmpty, "text with no markup has variables: \(text)")
            fuzzCheck(rendered == text, "text with no markup rendered as \(rendered): \(text)")
        }
    }
}
