import Foundation

/// Time-ordered run ids (RFC 9562 UUID version 7), as LangChain's `uuid7()`.
public enum UUIDv7 {
    private static let state = Locked<(millis: UInt64, counter: UInt16)>((0, 0))

    /// A new UUIDv7: 48-bit Unix milliseconds, a 12-bit counter that keeps ids made
    /// in the same millisecond in order, then random bits.
    public static func make(now: Date = Date()) -> UUID {
        let millis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        let (ms, counter) = state.withLock { state -> (UInt64, UInt16) in
            if millis > state.millis {
                state = (millis, UInt16.random(in: 0..<0x400))
            } else {
                state.counter &+= 1
                if state.counter > 0xFFF { state = (state.millis + 1, 0) }
            }
            return (state.millis, state.counter)
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: ms >> (40 - 8 * UInt64(i))) }
        bytes[6] = 0x70 | UInt8(counter >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: counter)
        var random = SystemRandomNumberGenerator()
        let tail = random.next() as UInt64
        for i in 8..<16 { bytes[i] = UInt8(truncatingIfNeeded: tail >> (8 * UInt64(i - 8))) }
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
