import RunscopeHistory

/// One side of an aligned row: what the tree shows of a run.
public struct DiffSideCell: Sendable, Equatable {
    public var depth: Int
    public var name: String
    public var status: String
    /// `612ms`, `1.05s` or `running`.
    public var duration: String
    /// `19`, or `-` for runs that are not models.
    public var tokens: String
    public var cost: String

    /// The cell of `run` at `depth`.
    public init(_ run: StoredRun, depth: Int) {
        self.depth = depth
        name = run.name
        status = run.status
        duration = DiffFormat.duration(run.durationMs)
        tokens = DiffFormat.tokens(run.tokens)
        cost = DiffFormat.cost(run.costUSD)
    }
}
