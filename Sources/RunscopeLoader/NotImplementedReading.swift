import RunscopeCore

/// What to do with LangChain's `not_implemented` entries: read the few whose `repr`
/// holds plain keyword arguments (`ChatOllama(model='llama3.2')`), and explain why
/// the others cannot be loaded.
enum NotImplementedReading {
    /// Classes whose repr can stand for kwargs when every argument is a literal.
    static let readable: Set<String> = [
        "ChatOllama", "FakeListChatModel", "JsonOutputParser", "StrOutputParser", "CommaSeparatedListOutputParser",
    ]

    /// The class, kwargs (read from the repr) and name, or `nil` if there is no sensible reading.
    static func read(
        _ node: JSONNode, className: String, decoder: LangChainDecoder
    ) throws(LoadError) -> (String, JSONNode, String?)? {
        guard readable.contains(className), let repr = node.value["repr"]?.stringValue,
            let kwargs = PythonRepr.keywordArguments(repr, className: className)
        else { return nil }
        var plain = kwargs
        plain["metadata"] = nil
        let kwargsNode = JSONNode(value: .object(plain), path: node.path + ".repr", context: decoder.context)
        return (className, kwargsNode, try node.optionalString("name"))
    }

    /// Why an entry cannot be loaded, in words a user can act on.
    static func why(_ className: String, id: [String]) -> String {
        let dotted = id.joined(separator: ".")
        switch className {
        case "RunnableLambda":
            return "cannot load RunnableLambda: LangChain writes Python functions as not_implemented (the function's code is not in the file); write this step with a runscope component instead (docs/chain-format.md)"
        case "StructuredTool", "Tool":
            return "cannot load the tool \(dotted): its Python function is not in the file; runscope's built-in tool is 'calculator' (docs/chain-format.md)"
        case "GenericFakeChatModel":
            return "cannot load GenericFakeChatModel: LangChain does not serialize its messages (a Python iterator); write it as a constructor entry with \"messages\" or use {\"model\": \"scripted\"} (docs/chain-format.md)"
        default:
            if id.first == "builtins" { return "\(dotted) is a Python class, not a component" }
            return "cannot load \(dotted): LangChain marks it not_implemented (it has no serialized form)"
        }
    }
}
