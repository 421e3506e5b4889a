import RunscopeCore

/// Tokens and money summed over runs: a subtree, or everything the inspector saw.
public struct Rollup: Sendable, Equatable {
    /// The sum of the providers' usage (nil: no run reported any).
    public var usage: UsageMetadata?
    /// The sum of the costs of the runs whose model has a price (nil: none had).
    public var cost: Double?
    /// Model runs that reported usage but whose model the price table does not know.
    public var unpriced = 0

    public init() {}

    /// Adds one model run's usage and cost (nil cost: its model has no price).
    public mutating func add(usage: UsageMetadata, cost: Double?) {
        self.usage = self.usage.map { $0.adding(usage) } ?? usage
        if let cost { self.cost = (self.cost ?? 0) + cost } else { unpriced += 1 }
    }

    /// Adds another rollup (a subtree joining this one).
    public mutating func add(_ other: Rollup) {
        if let usage = other.usage { self.usage = self.usage.map { $0.adding(usage) } ?? usage }
        if let cost = other.cost { self.cost = (self.cost ?? 0) + cost }
        unpriced += other.unpriced
    }

    /// Whether nothing was added.
    public var isEmpty: Bool { usage == nil && cost == nil && unpriced == 0 }
}
