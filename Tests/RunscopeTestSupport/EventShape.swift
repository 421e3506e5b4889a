/// Comparing runscope's events with LangChain's reference recordings.
/// One event reduced to what parity compares: kind, run, parent, name, type, tags, token.
public struct EventShape: Equatable, CustomStringConvertible {
    public var event: String
    public var run: String?
    public var parent: String?
    public var name: String?
    public var runType: String?
    public var tags: [String]
    public var token: String?

    public init(event: String, run: String?, parent: String?, name: String?, runType: String?, tags: [String], token: String?) {
        self.event = event
        self.run = run
        self.parent = parent
        self.name = name
        self.runType = runType
        self.tags = tags
        self.token = token
    }

    public var description: String {
        "\(event) \(run ?? "-") <- \(parent ?? "-") \(name ?? "") \(runType ?? "") \(tags)\(token.map { " \"\($0)\"" } ?? "")"
    }
}

/// Gives ids short names (R1, R2, ...) in order of first appearance.
public struct IdNormalizer {
    private var names: [String: String] = [:]

    public init() {}

    public mutating func name(_ id: String?) -> String? {
        guard let id else { return nil }
        if let known = names[id] { return known }
        let short = "R\(names.count + 1)"
        names[id] = short
        return short
    }
}
