/// Finds documents relevant to a query. Runs as a `retriever` run.
public protocol Retriever: Runnable {
    /// Constructor handlers: they see this retriever's runs only.
    var callbacks: [any CallbackHandler] { get }
    /// The documents for `query`, most relevant first.
    func retrieve(_ query: String) async throws -> [Document]
}

extension Retriever {
    public var callbacks: [any CallbackHandler] { [] }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        let query = input.objectValue?["query"]?.stringValue ?? input.text
        let run = config.manager(callbacks).makeRun(name: config.runName ?? name, runType: .retriever, runId: config.runId)
        try run.startRetriever(query: query)
        config.keep(self, input: input, runId: run.runId)
        let documents: [Document]
        do {
            documents = try await retrieve(query)
        } catch {
            try? run.retrieverError(error)
            throw error
        }
        try run.retrieverEnd(documents)
        return .array(documents.map(Value.document))
    }
}
