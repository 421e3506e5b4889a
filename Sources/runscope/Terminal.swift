import ArgumentParser
import Foundation
import RunscopeLoader
import RunscopeCore

/// Writing to the user's terminal and the exits every command shares.
enum Terminal {
    /// Writes a line to standard error.
    static func error(_ text: String) {
        DescriptorOutput.send(text + "\n", to: STDERR_FILENO)
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
    private let path: String
    private let failed = Locked(false)

    /// A writer to `path` (`-` for standard output), created or truncated.
    init(path: String) throws {
        self.path = path
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
    /// Standard output goes through `Output` (a failure is said once); a file's failure too.
    func write(_ line: String) {
        guard handle !== FileHandle.standardOutput else { return Output.write(line + "\n") }
        guard !failed.withLock({ $0 }), let code = DescriptorOutput.send(line + "\n", to: handle.fileDescriptor) else { return }
        failed.withLock { $0 = true }
        Terminal.error("runscope: \(path): \(String(cString: strerror(code))); lines after this one are not written")
    }
}
