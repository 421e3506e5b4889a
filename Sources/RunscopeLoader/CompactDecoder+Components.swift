import Foundation
import RunscopeCore

/// Prompts, parsers, composition and data components of the compact format.
extension CompactDecoder {
    func prompt(_ node: JSONNode) throws(LoadError) -> any Runnable {
        checkKeys(node, ["format", "partial", "type"], kind: "prompt")
        let format = try LangChainDecoder(context: context).templateFormat(node["format"])
        let partials = node.has("partial") ? try node["partial"].object() : [:]
        let body = node["prompt"]
        do {
            if try node.optionalString("type") == "string" {
                return try PromptTemplate(try body.string(), format: format, partialVariables: partials)
            }
            if let text = body.value.stringValue {
                return ChatPromptTemplate(messages: [.template(.human, try TextTemplate(text, format: format))],
                                          partialVariables: partials)
            }
            var entries: [MessageTemplate] = []
            for pair in try body.array() {
                let items = try pair.array()
                guard items.count == 2 else { throw pair.expected("a [role, template] pair") }
                do {
                    entries.append(try ChatPromptTemplate.entry(role: try items[0].string(), template: try items[1].string(), format: format))
                } catch let error as TemplateError {
                    throw pair.error(error.message)
                }
            }
            return ChatPromptTemplate(messages: entries, partialVariables: partials)
        } catch let error as LoadError {
            throw error
        } catch let error as TemplateError {
            throw body.error(error.message)
        } catch {
            throw body.error("\(error)")
        }
    }

    func parser(_ node: JSONNode) throws(LoadError) -> any Runnable {
        checkKeys(node, [], kind: "parser")
        switch try node["parser"].string() {
        case "str", "string": return StrOutputParser()
        case "json": return JsonOutputParser()
        case "list", "comma_list": return CommaSeparatedListOutputParser()
        case let other: throw node["parser"].error("unknown parser '\(other)' (expected str, json or list)")
        }
    }

    func branch(_ node: JSONNode) throws(LoadError) -> any Runnable {
        checkKeys(node, ["default"], kind: "branch")
        var branches: [(condition: any Runnable, runnable: any Runnable)] = []
        for item in try node["branch"].array() {
            item.warnUnknown(["if", "then"], in: "branch key")
            let test = try item.required("if", for: "a branch")
            let condition: any Runnable
            if test.has("key") && !test.has("test") { condition = try self.test(test) } else { condition = try component(test) }
            branches.append((condition, try component(try item.required("then", for: "a branch"))))
        }
        let fallback = try component(try node.required("default", for: "a branch"))
        return RunnableBranch(branches, default: fallback)
    }

    func fallbacks(_ node: JSONNode) throws(LoadError) -> any Runnable {
        checkKeys(node, ["handles"], kind: "fallbacks")
        let items = try node["fallbacks"].array()
        guard items.count >= 2 else { throw node["fallbacks"].expected("a component and at least one fallback") }
        let runnables = try items.map { item throws(LoadError) in try component(item) }
        let handles = Self.errorFilter(try node.optionalStrings("handles"))
        return RunnableWithFallbacks(runnable: runnables[0], fallbacks: Array(runnables.dropFirst()), handles: handles)
    }

    func retry(_ node: JSONNode) throws(LoadError) -> any Runnable {
        checkKeys(node, ["max_attempts", "wait", "on"], kind: "retry")
        let bound = try component(node["retry"])
        let attempts = try node.optionalInt("max_attempts") ?? 3
        guard attempts >= 1, attempts <= 100 else { throw node["max_attempts"].expected("a number of attempts from 1 to 100") }
        var wait = (on: true, initial: 1.0, max: 60.0, jitter: 1.0)
        let waitNode = node["wait"]
        if let flag = waitNode.value.boolValue { wait.on = flag }
        else if !waitNode.value.isNull {
            waitNode.warnUnknown(["initial", "max", "jitter"], in: "wait key")
            wait.initial = try waitNode.optionalNumber("initial") ?? wait.initial
            wait.max = try waitNode.optionalNumber("max") ?? wait.max
            wait.jitter = try waitNode.optionalNumber("jitter") ?? wait.jitter
        }
        let retries = Self.errorFilter(try node.optionalStrings("on"))
        return RunnableRetry(bound: bound, maxAttempts: attempts, waitExponentialJitter: wait.on, initialWait: wait.initial,
                             maxWait: wait.max, jitter: wait.jitter, retries: retries)
    }

    /// Errors of the named types, or every error but cancellation when no names are given.
    static func errorFilter(_ names: [String]?) -> @Sendable (RunError) -> Bool {
        guard let names else { return { !$0.isCancellation } }
        return { names.contains($0.type) }
    }

    func retriever(_ node: JSONNode) throws(LoadError) -> any Runnable {
        checkKeys(node, [], kind: "retriever")
        return try inMemoryRetriever(node["retriever"])
    }

    /// `{"documents": [...], "k": 4}`: a BM25 retriever over the documents.
    func inMemoryRetriever(_ spec: JSONNode) throws(LoadError) -> InMemoryRetriever {
        spec.warnUnknown(["documents", "k"], in: "retriever key")
        var documents: [Document] = []
        for item in try spec.required("documents", for: "a retriever").array() {
            if let text = item.value.stringValue {
                documents.append(Document(pageContent: text))
                continue
            }
            item.warnUnknown(["page_content", "text", "metadata", "id"], in: "document key")
            var text = try item.optionalString("page_content")
            if text == nil { text = try item.optionalString("text") }
            guard let text else { throw item.error("a document needs 'page_content'") }
            documents.append(Document(pageContent: text, metadata: item.has("metadata") ? try item["metadata"].object() : [:],
                                      id: try item.optionalString("id")))
        }
        return InMemoryRetriever(documents: documents, k: try spec.optionalInt("k") ?? 4)
    }

    /// The built-in tools by name.
    static let tools: [String: any Tool] = ["calculator": CalculatorTool()]

    func tool(_ node: JSONNode) throws(LoadError) -> any Tool {
        let name = try node.string()
        guard let tool = Self.tools[name] else {
            throw node.error("unknown tool '\(name)' (built-in tools: \(Self.tools.keys.sorted().joined(separator: ", ")))")
        }
        return tool
    }

    func callTools(_ node: JSONNode) throws(LoadError) -> any Runnable {
        checkKeys(node, [], kind: "call_tools")
        return ToolExecutor(tools: try node["call_tools"].array().map { item throws(LoadError) in try tool(item) })
    }

    /// A step that always fails, to rehearse error handling: `{"raise": "message", "type": "ValueError"}`.
    func raise(_ node: JSONNode) throws(LoadError) -> any Runnable {
        checkKeys(node, ["type"], kind: "raise")
        let message = try node["raise"].string()
        let type = try node.optionalString("type") ?? "ValueError"
        return RunnableLambda(name: "raise") { _ in throw ScriptedError(message, type: type) }
    }

    func join(_ node: JSONNode) throws(LoadError) -> any Runnable {
        checkKeys(node, [], kind: "join")
        let separator = try node["join"].string()
        return RunnableLambda(name: "join") { input in
            guard let items = input.arrayValue else { return .string(input.text) }
            return .string(items.map(\.text).joined(separator: separator))
        }
    }
}
