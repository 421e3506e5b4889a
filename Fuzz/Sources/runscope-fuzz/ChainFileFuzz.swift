import RunscopeCore
import RunscopeLoader

/// ChainFile.load(text:file:), both formats: it loads or throws a LoadError naming the file;
/// loading is deterministic.
enum ChainFileFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = bytes.text
        let file = "fuzz.json"
        let first = outcome(text, file)
        fuzzCheck(first == outcome(text, file), "loading the same text twice gave different outcomes")
        if case .failure(let error) = first {
            fuzzCheck(error.file == file, "the error does not name the file: \(error)")
            fuzzCheck(!error.message.isEmpty, "the error has no message: \(error)")
            fuzzCheck(!error.description.contains("\n"), "the error is not one line: \(error)")
        }
        _ = try? ChainFile.value(text: text, file: file, environment: [:])
    }

    private static func outcome(_ text: String, _ file: String) -> Result<String, LoadError> {
        do {
            let chain = try ChainFile.load(text: text, file: file, environment: ["OPENAI_API_KEY": "k", "ANTHROPIC_API_KEY": "k"])
            return .success("\(chain.format) \(chain.runnable.name) \(chain.warnings.count)")
        } catch {
            return .failure(error)
        }
    }
}
