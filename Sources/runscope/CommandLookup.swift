import Foundation

/// What runscope needs to know about a command before it runs it: where PATH finds
/// it, and which Python interpreter (if any) it starts.
enum CommandLookup {
    /// The file `name` runs: `name` itself when it holds a `/`, else the first
    /// executable of that name on PATH; `nil` when there is none.
    static func resolve(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for directory in (path ?? "/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The Python interpreter the command starts, as the user would name it to pip: the
    /// command itself when it is `python…`, else the interpreter of its `#!` line.
    static func python(_ command: [String]) -> String? {
        guard let name = command.first else { return nil }
        if isPython(name) { return name }
        guard let file = resolve(name), let shebang = firstLine(file), shebang.hasPrefix("#!") else { return nil }
        let words = shebang.dropFirst(2).split(separator: " ").map(String.init)
        guard let interpreter = words.first else { return nil }
        if URL(fileURLWithPath: interpreter).lastPathComponent == "env" {
            return words.dropFirst().first { !$0.hasPrefix("-") }.flatMap { isPython($0) ? $0 : nil }
        }
        return isPython(interpreter) ? interpreter : nil
    }

    /// Whether a file name names a Python interpreter: python, python3, python3.12, pypy3…
    static func isPython(_ path: String) -> Bool {
        let base = URL(fileURLWithPath: path).lastPathComponent
        return (base.hasPrefix("python") || base.hasPrefix("pypy")) && !base.contains("-config")
    }

    /// The one line that says the package is missing, with the command that installs it.
    static func missingPackage(_ python: String) -> String {
        "runscope: \(python) ran without the runscope-langchain package, so none of its LangChain runs could be seen; "
            + "install it with: \(python) -m pip install runscope-langchain (from a runscope checkout: "
            + "\(python) -m pip install ./integrations/python)"
    }

    private static func firstLine(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 256)
        return String(decoding: head, as: UTF8.self).split(separator: "\n", maxSplits: 1).first.map(String.init)
    }
}
