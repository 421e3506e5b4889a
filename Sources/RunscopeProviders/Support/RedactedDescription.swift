/// Descriptions of configurations and models that show their settings but never a key.
enum RedactedDescription {
    /// The text shown instead of a key.
    static let mask = "**********"

    /// `Type(label: value, ...)`, skipping `nil` values.
    static func describe(_ type: String, _ fields: [(String, Any?)]) -> String {
        let parts = fields.compactMap { label, value -> String? in
            guard let value else { return nil }
            if let text = value as? String { return "\(label): \"\(text)\"" }
            return "\(label): \(value)"
        }
        return "\(type)(\(parts.joined(separator: ", ")))"
    }

    /// A mirror with the given children (for `dump` and debuggers).
    static func mirror(_ subject: Any, _ fields: [(String, Any?)]) -> Mirror {
        Mirror(subject, children: fields.map { (label: Optional($0.0), value: $0.1 as Any) }, displayStyle: .struct)
    }

    /// The mask if a key is set, `nil` otherwise.
    static func key(_ key: String?) -> String? { key == nil ? nil : mask }
}
