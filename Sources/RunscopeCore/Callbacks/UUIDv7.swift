import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Time-ordered run ids (RFC 9562 UUID version 7), as LangChain's `uuid7()`.
public enum UUIDv7 {
    /// The last id's millisecond and counter, and the random bits still unused.
    private struct State {
        var millis: UInt64 = 0
        var counter: UInt16 = 0
        var pool = RandomPool()
    }

    private static let state = Locked(State())

    /// A new UUIDv7: 48-bit Unix milliseconds, a 12-bit counter that keeps ids made
    /// in the same millisecond in order, then random bits.
    public static func make(now: Date = Date()) -> UUID {
        let millis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        let (ms, counter, tail) = state.withLock { state -> (UInt64, UInt16, UInt64) in
            if millis > state.millis {
                state.millis = millis
                state.counter = UInt16(truncatingIfNeeded: state.pool.next() % 0x400)
            } else {
                state.counter &+= 1
                if state.counter > 0xFFF { (state.millis, state.counter) = (state.millis + 1, 0) }
            }
            return (state.millis, state.counter, state.pool.next())
        }
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(uuid: (
            byte(ms, 40), byte(ms, 32), byte(ms, 24), byte(ms, 16), byte(ms, 8), byte(ms, 0),
            0x70 | UInt8(counter >> 8), UInt8(truncatingIfNeeded: counter),
            0x80 | (byte(tail, 0) & 0x3F), byte(tail, 8), byte(tail, 16), byte(tail, 24),
            byte(tail, 32), byte(tail, 40), byte(tail, 48), byte(tail, 56)))
    }

    /// Random words from the system's generator (`arc4random_buf`: glibc's and Darwin's
    /// draw on the kernel's), fetched 64 at a time: one system call for 64 ids instead
    /// of one each. A forked child that makes ids without exec would
    /// repeat its parent's pool; runscope starts other programs with exec only.
    struct RandomPool {
        private var words = [UInt64](repeating: 0, count: 64)
        private var used = 64

        /// The next random word.
        mutating func next() -> UInt64 {
            if used == words.count { refill() }
            used += 1
            return words[used - 1]
        }

        private mutating func refill() {
            words.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
            used = 0
        }
    }
}
