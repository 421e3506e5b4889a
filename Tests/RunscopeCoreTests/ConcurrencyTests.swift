import Foundation
import RunscopeCore
import Testing

/// The project's lock, and `Runnable.stream` over it.
@Suite struct ConcurrencyTests {
    @Test func lockedCountsEveryIncrementFromFourThreads() async {
        let counter = Locked(0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { for _ in 0..<10_000 { counter.withLock { $0 += 1 } } }
            }
        }
        #expect(counter.withLock { $0 } == 40_000)
    }

    @Test func lockedPassesThrownErrorsThrough() {
        let value = Locked([1])
        #expect(throws: ScriptedError.self) {
            try value.withLock { numbers in
                numbers.append(2)
                throw ScriptedError("stop")
            }
        }
        #expect(value.withLock { $0 } == [1, 2])
    }

    /// A stream of `count` values that counts how many were pulled from it.
    struct CountingSource: Runnable {
        let name = "CountingSource"
        let count: Int
        let pulled: Locked<Int>

        func invoke(_ input: Value, config: RunConfig) async throws -> Value { .int(count) }

        func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
            let pulled = pulled, count = count
            return ValueStream {
                {
                    pulled.withLock { n -> Value? in
                        guard n < count else { return nil }
                        n += 1
                        return .int(n)
                    }
                }
            }
        }
    }

    @Test func streamProducesOnlyWhatTheConsumerTook() async throws {
        let pulled = Locked(0)
        var values = CountingSource(count: 1_000, pulled: pulled).stream(.null).makeAsyncIterator()
        #expect(pulled.withLock { $0 } == 0, "nothing runs before the first pull")
        for taken in 1...3 {
            #expect(try await values.next() == .int(taken))
            // A producer running ahead into a buffer would be scheduled here.
            for _ in 0..<200 { await Task.yield() }
            #expect(pulled.withLock { $0 } == taken)
        }
    }

    @Test func streamEndsWithTheRun() async throws {
        let pulled = Locked(0)
        let all = try await Array(CountingSource(count: 5, pulled: pulled).stream(.null))
        #expect(all == (1...5).map(Value.int))
        #expect(pulled.withLock { $0 } == 5)
    }
}

extension Array {
    /// All elements of an async sequence.
    init<S: AsyncSequence>(_ sequence: S) async throws where S.Element == Element {
        self = []
        for try await element in sequence { append(element) }
    }
}
