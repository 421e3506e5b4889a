import ArgumentParser
import Foundation
import RunscopeCore
import RunscopeLoader

/// Where the chain's input comes from: flags, a file, or the chain file's default.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("input"), help: ArgumentHelp(
        "An input value: NAME=VALUE sets a key (repeatable); a value without '=' is the whole input.",
        valueName: "name=value"))
    var pairs: [String] = []

    @Option(name: .customLong("input-json"), help: ArgumentHelp("The input as JSON.", valueName: "json"))
    var json: String?

    @Option(name: .customLong("input-file"), help: ArgumentHelp("A file holding the input as JSON.", valueName: "file"))
    var file: String?

    /// The input: the chain's default, overlaid by the file, the JSON, then the pairs.
    func resolve(default defaultInput: Value?) throws -> Value? {
        var input = defaultInput
        if let file { input = overlay(input, try parse(try read(file), what: file)) }
        if let json { input = overlay(input, try parse(json, what: "--input-json")) }
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "=") else {
                input = .string(pair)
                continue
            }
            let key = String(pair[..<equals])
            guard !key.isEmpty else { throw ValidationError("--input \(pair): the name before '=' is empty") }
            var object = input?.objectValue ?? [:]
            object[key] = .string(String(pair[pair.index(after: equals)...]))
            input = .object(object)
        }
        return input
    }

    private func overlay(_ base: Value?, _ top: Value) -> Value {
        guard let baseObject = base?.objectValue, let topObject = top.objectValue else { return top }
        return .object(baseObject.merging(topObject))
    }

    private func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("--input-file \(path): cannot read the file")
        }
        return text
    }

    /// JSON, with LangChain's serialized messages and documents read as such.
    private func parse(_ text: String, what: String) throws -> Value {
        do {
            return try ChainFile.value(text: text, file: what)
        } catch {
            throw ValidationError(error.location.isEmpty ? error.message : "\(error.location): \(error.message)")
        }
    }
}
