import RunscopeCore

/// Checks, before anything runs, that an input has what the chain's first prompts need.
public enum InputCheck {
    /// The variables the chain needs from its input, or `nil` if that cannot be known
    /// (the first step is not a prompt, e.g. a lambda).
    public static func requiredVariables(_ runnable: any Runnable) -> [String]? {
        switch runnable {
        case let prompt as PromptTemplate: return prompt.inputVariables
        case let prompt as ChatPromptTemplate: return prompt.inputVariables
        case let sequence as RunnableSequence: return sequence.steps.first.flatMap(requiredVariables)
        case let binding as RunnableBinding: return requiredVariables(binding.bound)
        case let retry as RunnableRetry: return requiredVariables(retry.bound)
        case let fallbacks as RunnableWithFallbacks: return requiredVariables(fallbacks.runnable)
        case let assign as RunnableAssign: return requiredVariables(assign.mapper)
        case let parallel as RunnableParallel:
            let all = parallel.steps.compactMap { requiredVariables($0.runnable) }
            if all.isEmpty { return nil }
            return all.reduce(into: [String]()) { names, more in for name in more where !names.contains(name) { names.append(name) } }
        default: return nil
        }
    }

    /// An error message if `input` lacks a variable the chain needs, else `nil`.
    public static func problem(_ runnable: any Runnable, input: Value?) -> String? {
        guard let required = requiredVariables(runnable), !required.isEmpty else {
            return input == nil ? "the chain needs an input: pass --input, --input-json or --input-file" : nil
        }
        let list = required.map { "'\($0)'" }.joined(separator: ", ")
        guard let input else { return "the chain needs \(list): pass them with --input NAME=VALUE" }
        guard let object = input.objectValue else {
            return required.count == 1 ? nil : "the input must be an object with \(list), got \(input.kindName)"
        }
        let missing = required.filter { object[$0] == nil }
        if missing.isEmpty { return nil }
        return "the input is missing \(missing.map { "'\($0)'" }.joined(separator: ", ")) (the chain needs \(list))"
    }
}
