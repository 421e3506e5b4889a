import RunscopeCore

/// The agent of the compact format and the tools it may call:
/// `{"agent": {"model": ..., "tools": [...], "system": "...", "max_steps": 25}}`.
extension CompactDecoder {
    static let agentKeys: Set<String> = ["model", "tools", "system", "max_steps", "name"]

    func agent(_ node: JSONNode) throws(LoadError) -> any Runnable {
        checkKeys(node, [], kind: "agent")
        let spec = node["agent"]
        _ = try spec.object()
        spec.warnUnknown(Self.agentKeys, in: "agent key")
        let model = try component(try spec.required("model", for: "an agent"))
        let tools = spec.has("tools") ? try agentTools(spec["tools"]) : []
        let limit = try spec.optionalInt("max_steps") ?? 25
        guard limit >= 1, limit <= 10_000 else { throw spec["max_steps"].expected("a number of steps from 1 to 10000") }
        var name = try spec.optionalString("name")
        if name == nil { name = try node.optionalString("name") }
        return Agent(
            model: model, tools: tools, systemPrompt: try spec.optionalString("system"), recursionLimit: limit,
            name: name)
    }

    /// The agent's tools: built-in names, scripted tools and retriever tools, each name once.
    func agentTools(_ node: JSONNode) throws(LoadError) -> [any Tool] {
        var tools: [any Tool] = []
        for item in try node.array() {
            let tool = try agentTool(item)
            if tools.contains(where: { $0.spec.name == tool.spec.name }) {
                throw item.error("a second tool named '\(tool.spec.name)' (tool names must be unique)")
            }
            tools.append(tool)
        }
        return tools
    }

    /// One tool: `"calculator"`, `{"retriever": {...}, "name", "description"}` or a scripted tool.
    func agentTool(_ node: JSONNode) throws(LoadError) -> any Tool {
        if node.value.stringValue != nil { return try tool(node) }
        _ = try node.object()
        if node.has("retriever") { return try retrieverTool(node) }
        return try scriptedTool(node)
    }

    /// `{"name", "description", "parameters", "returns" | "error", "raise", "delay", "approve"}`.
    func scriptedTool(_ node: JSONNode) throws(LoadError) -> any Tool {
        node.warnUnknown(["name", "description", "parameters", "returns", "error", "raise", "delay", "approve"], in: "tool key")
        var tool = try scriptedToolBehaviour(node)
        tool.asksForApproval = try approval(node, tool: tool.spec.name)
        return tool
    }

    /// `"approve": true`: each call waits for the user (noted for the CLI, which needs its UI for it).
    private func approval(_ node: JSONNode, tool name: String) throws(LoadError) -> Bool {
        let approve = try node.optionalBool("approve") ?? false
        if approve { context.approvalTools.append(name) }
        return approve
    }

    private func scriptedToolBehaviour(_ node: JSONNode) throws(LoadError) -> ScriptedTool {
        let name = try toolName(node)
        let parameters = node.has("parameters") ? try toolParameters(node["parameters"]) : ToolSpec(name: name, description: "").parameters
        let spec = ToolSpec(name: name, description: try node.optionalString("description") ?? "", parameters: parameters)
        let delay = try node.optionalNumber("delay") ?? 0
        guard delay >= 0, delay <= 600 else { throw node["delay"].expected("a number of seconds from 0 to 600") }
        let raise = try node.optionalBool("raise") ?? false
        switch (node.has("returns"), node.has("error")) {
        case (true, false):
            if raise { throw node["raise"].error("'raise' needs 'error' (the message the tool fails with)") }
            return ScriptedTool(spec: spec, behavior: .returns(try toolTemplate(node["returns"])), delay: delay)
        case (false, true):
            return ScriptedTool(spec: spec, behavior: .fails(try toolTemplate(node["error"]), handled: !raise), delay: delay)
        case (true, true):
            throw node.error("a scripted tool has 'returns' or 'error', not both")
        case (false, false):
            throw node.error("a scripted tool needs 'returns' (its answer) or 'error' (its failure)")
        }
    }

    /// A retriever offered as a tool: `{"retriever": {"documents": [...]}, "name", "description", "approve"}`.
    func retrieverTool(_ node: JSONNode) throws(LoadError) -> any Tool {
        node.warnUnknown(["name", "description", "retriever", "approve"], in: "retriever tool key")
        var tool = RetrieverTool(
            retriever: try inMemoryRetriever(node["retriever"]), name: try toolName(node),
            description: try node.optionalString("description") ?? "Searches the documents for a query.")
        tool.asksForApproval = try approval(node, tool: tool.spec.name)
        return tool
    }

    /// A tool's name: what the model calls it by.
    private func toolName(_ node: JSONNode) throws(LoadError) -> String {
        let name = try node.required("name", for: "a tool").string()
        let valid = !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        guard valid else { throw node["name"].expected("a tool name of letters, digits, '_' or '-' (at most 64)") }
        return name
    }

    /// `{"city": "string"}` (every argument required) or a JSON Schema object.
    func toolParameters(_ node: JSONNode) throws(LoadError) -> Value {
        let object = try node.object()
        if object["type"] != nil || object["properties"] != nil {
            guard object["type"]?.stringValue == "object" else {
                throw node["type"].expected("\"object\" (a tool's parameters are an object schema)")
            }
            if object["properties"] != nil { _ = try node["properties"].object() }
            return node.value
        }
        var fields: [(name: String, type: String)] = []
        for (key, child) in try node.members() {
            let type = try child.string()
            guard ToolSpec.shorthandTypes.contains(type) else {
                throw child.expected("a JSON type (\(ToolSpec.shorthandTypes.sorted().joined(separator: ", ")))")
            }
            fields.append((key, type))
        }
        return ToolSpec.schema(shorthand: fields)!
    }

    /// A template over the tool's arguments (`"It is sunny in {city}."`).
    private func toolTemplate(_ node: JSONNode) throws(LoadError) -> TextTemplate {
        let text = try node.string()
        do {
            return try TextTemplate(text)
        } catch {
            throw node.error(error.message)
        }
    }
}
