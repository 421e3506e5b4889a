import Foundation

/// Edits text in the user's editor (`$VISUAL`, else `$EDITOR`, else `vi`), as git does: the
/// text goes to a temporary file, the editor runs on the terminal (through `sh -c`, so an
/// editor with arguments works), and the file is read back when it exits.
enum ExternalEditor {
    /// What came of an edit.
    enum Outcome: Equatable {
        /// The file's text after the editor exited with status 0.
        case saved(String)
        /// Why there is no text: the editor failed to start or exited non-zero.
        case failed(String)
    }

    /// The editor command for `environment`.
    static func command(_ environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Runs the editor on `text` (in a file named after `name`) and waits for it.
    static func edit(_ text: String, name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-edit-\(UUID().uuidString)")
        let file = directory.appendingPathComponent(name)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        } catch {
            return .failed("cannot write \(file.path): \(error.localizedDescription)")
        }
        let editor = command(environment)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "sh", file.path]
        if let tty = FileHandle(forUpdatingAtPath: "/dev/tty") {
            process.standardInput = tty
            process.standardOutput = tty
            process.standardError = tty
        }
        do {
            try process.run()
        } catch {
            return .failed("cannot start the editor \(editor): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failed("the editor \(editor) exited with status \(process.terminationStatus); nothing changed")
        }
        guard let data = try? Data(contentsOf: file), let edited = String(data: data, encoding: .utf8) else {
            return .failed("cannot read \(file.path) back")
        }
        return .saved(edited)
    }
}
