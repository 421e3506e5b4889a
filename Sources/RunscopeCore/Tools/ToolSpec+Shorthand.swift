/// Tool parameters written briefly, as chain files allow.
extension ToolSpec {
    /// The JSON types a shorthand may name.
    public static let shorthandTypes: Set<String> = ["string", "number", "integer", "boolean", "object", "array"]

    /// A JSON Schema object for `{"city": "string", "days": "integer"}`: every
    /// argument required, each of the named JSON type. `nil` if a value is not one of
    /// `shorthandTypes` (the caller reports where).
    public static func schema(shorthand: [(name: String, type: String)]) -> Value? {
        var properties = ValueObject()
        for (name, type) in shorthand {
            guard shorthandTypes.contains(type) else { return nil }
            properties[name] = ["type": .string(type)]
        }
        return [
            "type": "object", "properties": .object(properties),
            "required": .array(shorthand.map { .string($0.name) }),
        ]
    }
}
