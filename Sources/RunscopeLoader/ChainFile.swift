import Foundation
import RunscopeCore

/// A chain loaded from a file: the runnable, its default input, and warnings.
public struct LoadedChain: Sendable {
    /// Which format the file was written in.
    public enum Format: String, Sendable {
        case langchain, compact
    }

    public let runnable: any Runnable
    /// The file's `input`, if it has one (compact format).
    public let defaultInput: Value?
    public let warnings: [LoadWarning]
    public let format: Format
    /// The file as the user named it.
    public let file: String
    /// Tools whose calls wait for the user's decision (`"approve": true`), in file order.
    public var approvalTools: [String] = []
}

/// Loads chain files: LangChain's serialized form or runscope's compact form.
public enum ChainFile {
    /// Files larger than this are refused (a chain file is a few kilobytes).
    public static let maxFileSize = 8 * 1024 * 1024
    /// Deeper nesting is refused, so a hostile file cannot overflow the stack.
    public static let maxDepth = 128

    /// Loads the chain file at `path`; secrets come from `environment`.
    public static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LoadError) -> LoadedChain {
        let data = try read(path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError(file: path, location: "", message: "the file is not UTF-8 text")
        }
        return try load(text: text, file: path, environment: environment)
    }

    /// Loads a chain from the text of a file named `file`.
    public static func load(
        text: String, file: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LoadError) -> LoadedChain {
        if text.allSatisfy(\.isWhitespace) { throw LoadError(file: file, location: "", message: "the file is empty") }
        let root = try parseJSON(text, file: file)
        let context = LoadContext(file: file, environment: environment)
        let node = JSONNode(value: root, path: "$", context: context)
        if LangChainDecoder.isSerialized(root) {
            let runnable = try LangChainDecoder(context: context).runnable(node)
            return LoadedChain(runnable: runnable, defaultInput: nil, warnings: context.warnings, format: .langchain, file: file)
        }
        guard root.objectValue != nil, node.has("chain") else {
            throw node.error("expected a chain file: a LangChain serialized object ({\"lc\": 1, ...}) or an object with \"chain\" (docs/chain-format.md)")
        }
        node.warnUnknown(["$schema", "description", "input", "chain"], in: "top-level key")
        let runnable = try CompactDecoder(context: context).component(node["chain"])
        let input = node.has("input") ? try LangChainDecoder(context: context).value(node["input"]) : nil
        var loaded = LoadedChain(runnable: runnable, defaultInput: input, warnings: context.warnings, format: .compact, file: file)
        loaded.approvalTools = context.approvalTools
        return loaded
    }

    /// A value (an input, messages, documents) from JSON text that may use LangChain's
    /// serialized form for messages and documents.
    public static func value(
        text: String, file: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LoadError) -> Value {
        let root = try parseJSON(text, file: file)
        let context = LoadContext(file: file, environment: environment)
        return try LangChainDecoder(context: context).value(JSONNode(value: root, path: "$", context: context))
    }

    /// `value` with LangChain's serialized messages, prompt values and documents turned
    /// into runtime values; parts that do not decode are kept as they are.
    public static func decode(_ value: Value) -> Value {
        value.deserialized()
    }

    /// The JSON of a file's text; a syntax error names its line and column.
    private static func parseJSON(_ text: String, file: String) throws(LoadError) -> Value {
        do {
            return try JSONParser.parse(text, maxDepth: maxDepth)
        } catch {
            throw LoadError(file: file, location: "line \(error.line), column \(error.column)", message: "invalid JSON: \(error.message)")
        }
    }

    private static func read(_ path: String) throws(LoadError) -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw LoadError(file: path, location: "", message: "cannot read the file (\(FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"))")
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw LoadError(file: path, location: "", message: "is a directory, not a chain file")
        }
        if let size = attributes[.size] as? Int, size > maxFileSize {
            throw LoadError(file: path, location: "", message: "the file is \(size / 1024) KiB; chain files are limited to \(maxFileSize / 1024 / 1024) MiB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(file: path, location: "", message: "cannot read the file")
        }
        return data
    }
}
