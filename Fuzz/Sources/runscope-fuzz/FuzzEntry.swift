import CFuzzDriver
import Foundation

/// The fuzzer's entry point: libFuzzer's driver, which calls the hooks below
/// (`LLVMFuzzerInitialize` picks the target `RUNSCOPE_FUZZ_TARGET` names,
/// `LLVMFuzzerTestOneInput` runs it on one input). A broken invariant stops the process
/// (`fuzzCheck`), which libFuzzer records as a crash.
@main
enum FuzzEntry {
    // nonisolated(unsafe): set once by LLVMFuzzerInitialize before any input runs, and
    // libFuzzer runs inputs on one thread.
    nonisolated(unsafe) static var target: (@Sendable ([UInt8]) -> Void)?

    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzTestOneInput($0, $1) })
    }
}

/// Picks the target `RUNSCOPE_FUZZ_TARGET` names; an unknown name stops with the list.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    let name = ProcessInfo.processInfo.environment["RUNSCOPE_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.all[name] else {
        let known = FuzzTargets.all.keys.sorted().joined(separator: ", ")
        FileHandle.standardError.write(Data("runscope-fuzz: set RUNSCOPE_FUZZ_TARGET to one of: \(known)\n".utf8))
        exit(2)
    }
    FuzzEntry.target = target
    return 0
}

/// Runs the chosen target on one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzEntry.target?(bytes)
    return 0
}

/// Stops the run with `message` when an invariant does not hold.
func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("invariant broken: \(message())\n".utf8))
        abort()
    }
}

extension Array where Element == UInt8 {
    /// The bytes as text, invalid UTF-8 repaired (what the parsers see from a file).
    var text: String { String(decoding: self, as: UTF8.self) }

    /// A split point taken from the first byte, and the rest of the input.
    func splitPoint() -> (Int, ArraySlice<UInt8>) {
        guard let first else { return (0, []) }
        let rest = self.dropFirst()
        return (rest.isEmpty ? 0 : Int(first) % (rest.count + 1), rest)
    }
}
