import Foundation
import RunscopeCore

/// Reads runscope's compact chain format: a component is an array (a sequence) or
/// an object with one kind key (`prompt`, `model`, `parser`, `parallel`, ...), plus
/// optional `name`, `tags` and `metadata`. LangChain serialized entries may appear
/// anywhere a component can. `docs/chain-format.md` describes every kind.
struct CompactDecoder {
    let context: LoadContext

    /// The kind keys: exactly one of them names what a component object is.
    static let kinds: [String] = [
        "prompt", "model", "parser", "sequence", "parallel", "passthrough", "assign", "pick", "branch", "fallbacks",
        "retry", "test", "retriever", "tool", "call_tools", "join", "raise", "agent",
    ]

    /// Builds the component of kind `kind` from `node`.
    func build(_ kind: String, _ node: JSONNode) throws(LoadError) -> any Runnable {
        switch kind {
        case "prompt": return try prompt(node)
        case "model": return try model(node)
        case "parser": return try parser(node)
        case "sequence": return try sequence(node["sequence"])
        case "parallel": return try parallel(node["parallel"])
        case "passthrough":
            guard try node["passthrough"].bool() else { throw node["passthrough"].expected("true") }
            return RunnablePassthrough()
        case "assign": return RunnableAssign(mapper: try parallel(node["assign"]))
        case "pick": return RunnablePick(keys: try node["pick"].strings())
        case "branch": return try branch(node)
        case "fallbacks": return try fallbacks(node)
        case "retry": return try retry(node)
        case "test": return try test(node["test"])
        case "retriever": return try retriever(node)
        case "tool": return try tool(node["tool"])
        case "call_tools": return try callTools(node)
        case "raise": return try raise(node)
        case "agent": return try agent(node)
        default: return try join(node)
        }
    }

    static let commonKeys: Set<String> = ["name", "tags", "metadata"]

    /// A component.
    func component(_ node: JSONNode) throws(LoadError) -> any Runnable {
        if LangChainDecoder.isSerialized(node.value) { return try LangChainDecoder(context: context).runnable(node) }
        if case .array = node.value { return try sequence(node) }
        if node.value.stringValue == "passthrough" { return RunnablePassthrough() }
        let object = try node.object()
        let present = Self.kinds.filter { object[$0] != nil }
        guard present.count == 1, let kind = present.first else {
            let names = Self.kinds.joined(separator: ", ")
            throw node.error(present.isEmpty
                ? "expected a component: an array (a sequence) or an object with one of: \(names)"
                : "a component has one kind, got \(present.map { "'\($0)'" }.joined(separator: " and "))")
        }
        return try withCommonKeys(try build(kind, node), node)
    }

    /// Applies `name`, `tags` and `metadata` as a binding.
    private func withCommonKeys(_ runnable: any Runnable, _ node: JSONNode) throws(LoadError) -> any Runnable {
        let name = try node.optionalString("name")
        let tags = try node.optionalStrings("tags") ?? []
        let metadata = node.has("metadata") ? try node["metadata"].object() : [:]
        if name == nil && tags.isEmpty && metadata.isEmpty { return runnable }
        return RunnableBinding(bound: runnable, config: RunConfig(tags: tags, metadata: metadata, runName: name))
    }

    /// Reports keys that are neither the kind's own nor common.
    func checkKeys(_ node: JSONNode, _ own: Set<String>, kind: String) {
        node.warnUnknown(own.union(Self.commonKeys).union([kind]), in: "\(kind) key")
    }

    func sequence(_ node: JSONNode) throws(LoadError) -> any Runnable {
        let steps = try node.array().map { step throws(LoadError) in try component(step) }
        guard !steps.isEmpty else { throw node.expected("at least one step") }
        return steps.count == 1 ? steps[0] : RunnableSequence(steps: steps)
    }

    func parallel(_ node: JSONNode) throws(LoadError) -> RunnableParallel {
        let members = try node.members()
        guard !members.isEmpty else { throw node.expected("at least one branch") }
        var branches: [(key: String, runnable: any Runnable)] = []
        for (key, child) in members { branches.append((key, try component(child))) }
        return RunnableParallel(branches)
    }
}
