/// A safe arithmetic calculator: parses `+ - * / % ^ **`, parentheses, unary
/// minus, `pi`, `e` and `sqrt abs round floor ceil ln log exp sin cos tan`.
/// Nothing is evaluated as code.
public struct CalculatorTool: Tool {
    public let spec = ToolSpec(
        name: "calculator",
        description: "Evaluates an arithmetic expression, e.g. '(2 + 3) * 4' or 'sqrt(2) ^ 2'.",
        parameters: [
            "type": "object",
            "properties": ["expression": ["type": "string", "description": "The arithmetic expression"]],
            "required": ["expression"],
        ])

    /// A calculator.
    public init() {}

    public func run(_ args: ValueObject) async throws -> Value {
        guard let expression = args["expression"]?.stringValue ?? args["input"]?.stringValue else {
            throw ScriptedError("calculator needs a string argument 'expression'", type: "ToolException")
        }
        let result = try ArithmeticParser.evaluate(expression)
        if result.rounded() == result, abs(result) < 9e15 { return .int(Int(result)) }
        return .double(result)
    }
}
