/// What a model is told about a tool: its name, what it does and its arguments' JSON Schema.
public struct ToolSpec: Sendable, Equatable {
    public var name: String
    public var description: String
    /// A JSON Schema object for the arguments.
    public var parameters: Value

    /// A tool spec.
    public init(name: String, description: String, parameters: Value = ["type": "object", "properties": [:]]) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }

    /// The spec as an object (`name`, `description`, `parameters`).
    public var asValue: Value {
        .object(["name": .string(name), "description": .string(description), "parameters": parameters])
    }

    /// Reads the object form; `nil` without a string `name`.
    public init?(value: Value) {
        guard let name = value["name"]?.stringValue else { return nil }
        self.init(name: name, description: value["description"]?.stringValue ?? "",
                  parameters: value["parameters"] ?? ["type": "object", "properties": [:]])
    }
}

/// A tool a chain or a model can call. Invoked with an object of arguments, a
/// string (for a one-argument tool), or a tool call (then it answers with a tool message).
public protocol Tool: Runnable {
    var spec: ToolSpec { get }
    /// Constructor handlers: they see this tool's runs only.
    var callbacks: [any CallbackHandler] { get }
    /// Whether a `ToolException` the tool throws is handled (LangChain's
    /// `handle_tool_error=True`): the run then ends normally with the error text
    /// (a tool message whose `status` is `error`), for the model to read.
    var handlesToolErrors: Bool { get }
    /// Whether each call waits for the user's decision even without `--approve-tools`
    /// (`"approve": true` in a chain file); asked by the config's `ToolApprover`. Default: false.
    var asksForApproval: Bool { get }
    /// Runs the tool on its arguments.
    func run(_ args: ValueObject) async throws -> Value
    /// Runs the tool on its arguments with the config for nested runs (a retriever
    /// tool's retriever run). Default: `run(args)`.
    func run(_ args: ValueObject, config: RunConfig) async throws -> Value
}

extension Tool {
    public var name: String { spec.name }
    public var callbacks: [any CallbackHandler] { [] }
    public var handlesToolErrors: Bool { false }
    public var asksForApproval: Bool { false }

    public func run(_ args: ValueObject, config: RunConfig) async throws -> Value {
        try await run(args)
    }

    /// The arguments for `input`, and the tool call id if `input` is a tool call.
    func arguments(_ input: Value) throws -> (ValueObject, String?) {
        if let object = input.objectValue {
            if object["type"]?.stringValue == "tool_call" {
                return (object["args"]?.objectValue ?? [:], object["id"]?.stringValue)
            }
            return (object, nil)
        }
        let first = spec.parameters["properties"]?.objectValue?.keys.first ?? "input"
        return ([first: input], nil)
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        let (args, toolCallId) = try arguments(input)
        let run = config.manager(callbacks).makeRun(
            name: config.runName ?? name, runType: .tool, runId: config.runId,
            serialized: ["name": .string(spec.name), "description": .string(spec.description)],
            extra: toolCallId.map { ["tool_call_id": .string($0)] } ?? [:])
        config.keep(self, input: input, runId: run.runId)
        try run.startTool(input: input.objectValue != nil ? Value.object(args).pythonRepr : input.text, inputs: .object(args))
        let output: Value
        var status = ToolStatus.success
        do {
            output = try await self.run(args, config: run.childConfig(config))
        } catch let error as ToolException where handlesToolErrors {
            output = .string(error.message)
            status = .error
        } catch {
            try? run.toolError(error)
            throw error
        }
        let result: Value = toolCallId.map { .message(.tool(output.text, toolCallId: $0, name: spec.name, status: status)) } ?? output
        try run.toolEnd(result)
        return result
    }
}

/// A tool made of a Swift closure.
public struct FunctionTool: Tool {
    public let spec: ToolSpec
    public let callbacks: [any CallbackHandler]
    private let body: @Sendable (ValueObject) async throws -> Value

    /// A tool with the given spec and body.
    public init(spec: ToolSpec, callbacks: [any CallbackHandler] = [], _ body: @escaping @Sendable (ValueObject) async throws -> Value) {
        self.spec = spec
        self.callbacks = callbacks
        self.body = body
    }

    public func run(_ args: ValueObject) async throws -> Value { try await body(args) }
}
