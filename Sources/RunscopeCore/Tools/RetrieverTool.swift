/// A retriever offered to a model as a tool (LangChain's `create_retriever_tool`):
/// the model asks with a query, the documents come back as text, separated by a
/// blank line. The retriever's run is a child of the tool's run.
public struct RetrieverTool: Tool {
    public let spec: ToolSpec
    public let retriever: any Retriever
    /// Put between documents in the answer.
    public let separator: String
    /// Each call waits for the user's decision (`"approve": true`).
    public var asksForApproval = false

    /// A tool named `name` that searches `retriever`.
    public init(retriever: any Retriever, name: String, description: String, separator: String = "\n\n") {
        self.retriever = retriever
        self.separator = separator
        self.spec = ToolSpec(
            name: name, description: description,
            parameters: [
                "type": "object",
                "properties": ["query": ["type": "string", "description": "query to look up in retriever"]],
                "required": ["query"],
            ])
    }

    public func run(_ args: ValueObject) async throws -> Value {
        try await run(args, config: RunConfig())
    }

    public func run(_ args: ValueObject, config: RunConfig) async throws -> Value {
        let query = args["query"]?.text ?? ""
        let documents = try await retriever.invoke(.string(query), config: config)
        let texts = (documents.arrayValue ?? []).map { item -> String in
            if case .document(let document) = item { return document.pageContent }
            return item.text
        }
        return .string(texts.joined(separator: separator))
    }
}
