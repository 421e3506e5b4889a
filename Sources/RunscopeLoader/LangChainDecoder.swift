import RunscopeCore

/// Reads LangChain's serialized form (`dumpd`/`dumps`):
/// `{"lc":1,"type":"constructor","id":[...],"kwargs":{...}}`, secrets and
/// `not_implemented` entries, with legacy ids and real module paths alike.
struct LangChainDecoder {
    let context: LoadContext

    /// Namespaces LangChain writes ids in.
    static let namespaces: Set<String> = [
        "langchain", "langchain_core", "langchain_openai", "langchain_anthropic", "langchain_ollama", "langchain_community",
    ]

    /// Whether `value` looks like a LangChain serialized entry.
    static func isSerialized(_ value: Value) -> Bool {
        value["lc"]?.intValue == 1 && value["type"]?.stringValue != nil
    }

    /// A runnable from a serialized entry.
    func runnable(_ node: JSONNode) throws(LoadError) -> any Runnable {
        let (className, kwargs, name) = try constructor(node)
        if let runnable = try build(className, kwargs, name: name) { return runnable }
        if Self.valueClasses.contains(className) {
            throw node.error("\(className) is a value, not a runnable component")
        }
        throw node.error("unknown class \(try idText(node)); runscope can load: \(Self.supportedClasses.sorted().joined(separator: ", "))")
    }

    /// The class name, kwargs and name of a constructor entry; other entry types throw.
    func constructor(_ node: JSONNode) throws(LoadError) -> (String, JSONNode, String?) {
        guard Self.isSerialized(node.value) else {
            throw node.expected("a LangChain serialized object ({\"lc\": 1, \"type\": \"constructor\", ...})")
        }
        let id = try node["id"].strings()
        guard let className = id.last else { throw node["id"].error("the id is empty") }
        switch try node["type"].string() {
        case "constructor":
            guard let first = id.first, Self.namespaces.contains(first) else {
                throw node["id"].error("unknown class \(id.joined(separator: ".")) (not a LangChain class)")
            }
            return (className, node["kwargs"], try node.optionalString("name"))
        case "not_implemented":
            if let read = try NotImplementedReading.read(node, className: className, decoder: self) { return read }
            throw node.error(NotImplementedReading.why(className, id: id))
        case "secret":
            throw node.error("a secret (\(className)) cannot stand for a component")
        case let other:
            throw node["type"].error("unknown entry type '\(other)' (expected constructor, secret or not_implemented)")
        }
    }

    private func idText(_ node: JSONNode) throws(LoadError) -> String {
        try node["id"].strings().joined(separator: ".")
    }

    /// A kwarg that may be a secret entry or a plain string.
    func secretOrString(_ node: JSONNode) throws(LoadError) -> String? {
        if node.value.isNull { return nil }
        if node.value["type"]?.stringValue == "secret" {
            let name = try node["id"].strings().last ?? ""
            guard let value = context.environment[name], !value.isEmpty else {
                throw node.error("the secret \(name) is not set: export \(name)=... in the environment")
            }
            return value
        }
        return try node.string()
    }

    /// Classes that are values (messages, documents), not runnables.
    static let valueClasses: Set<String> = [
        "SystemMessage", "HumanMessage", "AIMessage", "ToolMessage", "ChatMessage", "Document",
        "AIMessageChunk", "HumanMessageChunk", "SystemMessageChunk", "ToolMessageChunk",
    ]
}
