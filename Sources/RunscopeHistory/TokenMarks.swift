import Foundation

/// The `marks` of a `tokens` row, `[[offset, ms], ...]`: where each token starts in its run's
/// token text (code points) and when it came, in ms after the run's start to the microsecond
/// (`12.5`, `3`, `0.042`; schema v2 rows have at most two decimals, the same unit).
enum TokenMarks {
    /// One token's mark.
    struct Mark: Equatable {
        var offset: Int
        var micros: Int64
    }

    /// Appends `[offset,ms]` (ms from microseconds, as `12.5`, `3` or `0.042`), after a comma
    /// unless `out` is empty. Made in a buffer on the stack and appended at once: the writer
    /// makes one per token.
    static func appendMark(offset: Int, micros: Int64, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var count = 0
            func put(_ byte: UInt8) { buffer[count] = byte; count += 1 }
            func decimal(_ value: UInt64) {
                var digits: (UInt64, Int) = (value, 0)
                repeat { digits.1 += 1; digits.0 /= 10 } while digits.0 > 0
                var rest = value
                for index in stride(from: count + digits.1 - 1, through: count, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                count += digits.1
            }
            if !out.isEmpty { put(UInt8(ascii: ",")) }
            put(UInt8(ascii: "["))
            decimal(UInt64(max(0, offset)))
            put(UInt8(ascii: ","))
            if micros < 0 { put(UInt8(ascii: "-")) }
            let magnitude = micros.magnitude
            decimal(magnitude / 1000)
            var fraction = Int(magnitude % 1000)
            if fraction != 0 {
                var places = 3
                while fraction % 10 == 0 { fraction /= 10; places -= 1 }
                put(UInt8(ascii: "."))
                if places >= 3 && fraction < 100 { put(UInt8(ascii: "0")) }
                if places >= 2 && fraction < 10 { put(UInt8(ascii: "0")) }
                decimal(UInt64(fraction))
            }
            put(UInt8(ascii: "]"))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The marks of one row, or `nil` when it is not `[[offset, ms], ...]`.
    static func parse(_ text: String) -> [Mark]? {
        var marks: [Mark] = []
        var scanner = Scanner(text.utf8)
        guard scanner.take(UInt8(ascii: "[")) else { return nil }
        if scanner.take(UInt8(ascii: "]")) { return scanner.atEnd ? marks : nil }
        repeat {
            guard scanner.take(UInt8(ascii: "[")), let offset = scanner.integer(), scanner.take(UInt8(ascii: ",")),
                  let micros = scanner.milliseconds(), scanner.take(UInt8(ascii: "]")) else { return nil }
            marks.append(Mark(offset: Int(offset), micros: micros))
        } while scanner.take(UInt8(ascii: ","))
        return scanner.take(UInt8(ascii: "]")) && scanner.atEnd ? marks : nil
    }

    /// Reads the marks' numbers from UTF-8 bytes, exactly (no floating point).
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ utf8: String.UTF8View) { bytes = Array(utf8) }

        var atEnd: Bool { index == bytes.count }

        mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpaces()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// A decimal integer with an optional minus sign.
        mutating func integer() -> Int64? {
            skipSpaces()
            let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            var value: Int64 = 0
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, index - start < 15 {
                value = value * 10 + Int64(bytes[index] - 48)
                index += 1
            }
            guard index > start else { return nil }
            return negative ? -value : value
        }

        /// Milliseconds with up to three decimals, as microseconds.
        mutating func milliseconds() -> Int64? {
            skipSpaces()
            let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
            guard let whole = integer() else { return nil }
            var micros = abs(whole) * 1000
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var scale: Int64 = 100
                let start = index
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    if scale > 0 { micros += Int64(bytes[index] - 48) * scale; scale /= 10 }
                    index += 1
                }
                guard index > start else { return nil }
            }
            return negative ? -micros : micros
        }
    }
}
