import ArgumentParser
import Foundation
import RunscopeLoader

/// Writing to the user's terminal and the exits every command shares.
enum Terminal {
    /// Writes a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Loads a chain file, printing warnings; a bad file exits with status 2.
    static func load(_ path: String) throws -> LoadedChain {
        do {
            let chain = try ChainFile.load(path: path)
            for warning in chain.warnings { error(warning.description) }
            return chain
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }

    /// Whether standard output is a terminal.
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// Writes lines to a file or standard output, each line flushed as it is written.
final class LineWriter: Sendable {
    private let handle: FileHandle

    /// A writer to `path` (`-` for standard output), created or truncated.
    init(path: String) throws {
        if path == "-" {
            handle = .standardOutput
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        handle = file
    }

    /// Writes one line (a newline is added); one write call, so lines never interleave.
    func write(_ line: String) {
        handle.write(Data((line + "\n").utf8))
    }
}
