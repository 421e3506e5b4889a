import Foundation

/// Which runs the tree shows (`F` steps through them): all; only failed runs; only model
/// runs; or no run shorter than a threshold. A run shown keeps the runs above it, so the
/// tree stays a tree: a failed run's ancestors (they have a failure below), a model's.
public enum RunFilter: Sendable, Equatable, CaseIterable {
    case all, failed, models, atLeast100ms, atLeast1s

    /// What the tree's title says (nil: no filter).
    public var label: String? {
        switch self {
        case .all: return nil
        case .failed: return "failed only"
        case .models: return "models only"
        case .atLeast100ms: return "≥ 100 ms"
        case .atLeast1s: return "≥ 1 s"
        }
    }

    /// The next filter of the cycle.
    public var next: RunFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The shortest duration shown, for the duration filters.
    var threshold: TimeInterval? {
        switch self {
        case .atLeast100ms: return 0.1
        case .atLeast1s: return 1
        default: return nil
        }
    }

    /// Whether `node` passes by itself (`hasModelBelow`: a model run is at or under it).
    /// A run still going passes the duration filters (it may grow long).
    func passes(_ node: RunNode, hasModelBelow: Bool) -> Bool {
        switch self {
        case .all: return true
        case .failed: return node.hasFailure
        case .models: return hasModelBelow
        case .atLeast100ms, .atLeast1s:
            guard let end = node.endTime else { return true }
            return end.timeIntervalSince(node.startTime) >= threshold!
        }
    }
}
