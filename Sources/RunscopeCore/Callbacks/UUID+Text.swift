import Foundation

extension UUID {
    /// The id as LangChain writes run ids: lowercase hex in 8-4-4-4-12 groups. The same
    /// text as `uuidString.lowercased()`, which formats through `snprintf` and then lowercases
    /// a copy (a twentieth of a traced invoke).
    public var lowercasedString: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var place = 0
                for (offset, byte) in bytes.enumerated() {
                    if offset == 4 || offset == 6 || offset == 8 || offset == 10 {
                        text[place] = UInt8(ascii: "-")
                        place += 1
                    }
                    text[place] = Self.hexDigit(byte >> 4)
                    text[place + 1] = Self.hexDigit(byte & 0x0F)
                    place += 2
                }
                return place
            }
        }
    }

    /// The lowercase hex digit of `nibble` (0...15).
    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
    }
}
