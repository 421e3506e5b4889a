/// Adding streamed chunks together, as LangChain does with `+` to build a run's
/// final input or output from the chunks that passed through it.
extension Value {
    /// `self + other` where LangChain defines it: strings and arrays concatenate,
    /// message chunks merge, addable objects (the chunks of parallel maps) merge
    /// key by key. `nil` where it does not (the caller then keeps the latest chunk).
    public func adding(_ other: Value) -> Value? {
        switch (self, other) {
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.array(let a), .array(let b)): return .array(a + b)
        case (.message(let a), .message(let b)): return .message(a.appending(b))
        case (.object(let a), .object(let b)) where a.isAddable:
            var result = a
            for (key, value) in b {
                if let existing = result[key] {
                    result[key] = existing.adding(value) ?? value
                } else {
                    result[key] = value
                }
            }
            return .object(result)
        default: return nil
        }
    }
}
