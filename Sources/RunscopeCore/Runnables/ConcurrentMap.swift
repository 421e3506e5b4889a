/// Runs indexed work concurrently with a limit and returns results in index order.
enum ConcurrentMap {
    /// Runs `body(0..<count)` with at most `limit` at once; the first error cancels the rest.
    static func run(
        _ count: Int, limit: Int, _ body: @escaping @Sendable (Int) async throws -> Value
    ) async throws -> [Value] {
        guard count > 0 else { return [] }
        return try await withThrowingTaskGroup(of: (Int, Value).self) { group in
            var results = [Value?](repeating: nil, count: count)
            var next = 0
            while next < min(limit, count) {
                let index = next
                group.addTask { (index, try await body(index)) }
                next += 1
            }
            while let (index, value) = try await group.next() {
                results[index] = value
                if next < count {
                    let index = next
                    group.addTask { (index, try await body(index)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
