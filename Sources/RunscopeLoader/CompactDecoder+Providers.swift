import RunscopeCore
import RunscopeProviders

/// The HTTP chat models of the compact format: `{"model": "openai" | "anthropic" | "ollama", ...}`.
extension CompactDecoder {
    static let providerKinds = ["openai", "anthropic", "ollama"]

    /// Compact keys of provider models.
    static let providerKeys: Set<String> = [
        "model_name", "temperature", "max_tokens", "stop", "base_url", "api_key_env", "timeout", "max_retries", "headers",
        "model_kwargs", "streaming", "tools",
    ]

    /// Builds a provider model, or `nil` if `kind` is not one.
    func provider(_ kind: String, _ node: JSONNode) throws(LoadError) -> (any ChatModel)? {
        guard Self.providerKinds.contains(kind) else { return nil }
        checkKeys(node, Self.providerKeys, kind: "model")
        let (kwargs, className) = try providerKwargs(kind, node)
        let path = JSONNode(value: .object(kwargs), path: node.path, context: context)
        return try LangChainDecoder(context: context).provider(className, path) as? any ChatModel
    }

    /// The compact keys spelled as LangChain's kwargs of that class.
    private func providerKwargs(_ kind: String, _ node: JSONNode) throws(LoadError) -> (ValueObject, String) {
        let names: [String: (className: String, key: String, base: String)] = [
            "openai": ("ChatOpenAI", "openai_api_key", "openai_api_base"),
            "anthropic": ("ChatAnthropic", "anthropic_api_key", "anthropic_api_url"),
            "ollama": ("ChatOllama", "", "base_url"),
        ]
        let spelling = names[kind]!
        var kwargs = ValueObject()
        let renames = ["model_name": kind == "openai" ? "model_name" : "model", "base_url": spelling.base, "headers": "default_headers"]
        for (key, value) in try node.object() where key != "model" && key != "tools" && !Self.commonKeys.contains(key) {
            if key == "api_key_env" {
                guard !spelling.key.isEmpty else { throw node[key].error("ollama takes no API key") }
                let variable = try node[key].string()
                guard let secret = context.environment[variable], !secret.isEmpty else {
                    throw node[key].error("the secret \(variable) is not set: export \(variable)=... in the environment")
                }
                kwargs[spelling.key] = .string(secret)
            } else {
                kwargs[renames[key] ?? key] = value
            }
        }
        return (kwargs, spelling.className)
    }
}
