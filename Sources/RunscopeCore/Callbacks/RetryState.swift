/// What a retry event reports: which attempt failed, with what, and the wait before the next.
public struct RetryState: Sendable {
    /// The attempt that just failed (1-based).
    public var attemptNumber: Int
    public var error: RunError
    /// Seconds the retry waits before the next attempt.
    public var waitSeconds: Double

    /// A retry state.
    public init(attemptNumber: Int, error: RunError, waitSeconds: Double) {
        self.attemptNumber = attemptNumber
        self.error = error
        self.waitSeconds = waitSeconds
    }
}
