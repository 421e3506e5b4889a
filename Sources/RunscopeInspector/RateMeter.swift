import Foundation

/// Tokens per second "now": counts in ten 100 ms buckets, O(1) per token.
public struct RateMeter: Sendable, Equatable {
    private var buckets = [Int](repeating: 0, count: 10)
    private var bucketIds = [Int](repeating: Int.min, count: 10)

    /// An empty meter.
    public init() {}

    /// Counts one token at `time`.
    public mutating func record(at time: Date) {
        let id = Self.bucket(time)
        let slot = ((id % 10) + 10) % 10
        if bucketIds[slot] != id {
            bucketIds[slot] = id
            buckets[slot] = 0
        }
        buckets[slot] += 1
    }

    /// Tokens per second over the last full second before `now`.
    public func rate(at now: Date) -> Double {
        let current = Self.bucket(now)
        var total = 0
        for slot in 0..<10 where bucketIds[slot] >= current - 10 && bucketIds[slot] < current {
            total += buckets[slot]
        }
        return Double(total)
    }

    private static func bucket(_ time: Date) -> Int {
        Int((time.timeIntervalSinceReferenceDate * 10).rounded(.down))
    }
}
