import Foundation
import RunscopeCore
import RunscopeInspector

/// What `w` writes: the selected run and its subtree as JSON (``SubtreeExport``), to a new
/// file in the current directory named after the run; the line it returns says where,
/// or why it could not.
enum SubtreeFile {
    /// Writes the file and returns the line for the status bar.
    static func write(_ forest: RunForest, from index: Int, in directory: String) -> String {
        let node = forest[index]
        let path = freePath(in: directory, base: "runscope-\(slug(node.name))-\(node.id.lowercasedString.prefix(8))")
        do {
            try Data(SubtreeExport.json(forest, from: index).utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            return "Cannot write \(path): \((error as NSError).localizedDescription)"
        }
        let runs = SubtreeExport.runCount(forest, from: index)
        return "Wrote \(node.name) (\(runs) run\(runs == 1 ? "" : "s")) to \(path)"
    }

    /// `base.json`, or `base-2.json`, `base-3.json`… when taken.
    static func freePath(in directory: String, base: String) -> String {
        var candidate = (directory as NSString).appendingPathComponent(base + ".json")
        var number = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = (directory as NSString).appendingPathComponent("\(base)-\(number).json")
            number += 1
        }
        return candidate
    }

    /// The run's name as a file name part: letters, digits, `-` and `_` (others become `-`), at most 40.
    static func slug(_ name: String) -> String {
        let kept = name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_") ? Character(scalar) : "-"
        }
        let text = String(kept.prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return text.isEmpty ? "run" : text
    }
}
