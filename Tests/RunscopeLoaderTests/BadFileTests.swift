import Foundation
import RunscopeCore
import RunscopeLoader
import Testing

/// The corpus of bad chain files: each gives one line naming the file, the place and the problem.
@Suite struct BadFileTests {
    static func expectations() throws -> [(String, String, String)] {
        let manifest = try JSONParser.parse(try LoaderFixtures.text("bad/expected.json"))
        return manifest.objectValue!.map { ($0.key, $0.value["location"]!.stringValue!, $0.value["message"]!.stringValue!) }
    }

    @Test func everyBadFileGivesItsMessage() throws {
        let cases = try Self.expectations()
        #expect(cases.count >= 14)
        for (file, location, message) in cases {
            let path = LoaderFixtures.path("bad/\(file)")
            do {
                _ = try ChainFile.load(path: path, environment: [:])
                Issue.record("\(file) loaded")
            } catch {
                #expect(error.location == location, "\(file): \(error)")
                #expect(error.message.hasPrefix(message), "\(file): \(error)")
                #expect(!error.description.contains("\n"), "one line")
            }
        }
    }

    /// `chain-file` (fuzzing): a class id holding a newline was quoted as it was, so the
    /// error took two lines. Every error and warning is one line, control characters escaped.
    @Test func aClassIdWithANewlineIsQuotedAsAnEscape() {
        let text = #"{"lc": 1, "type": "not_implemented", "id": ["l\ngchain_core", "fake", "FakeListLLM"]}"#
        do {
            _ = try ChainFile.load(text: text, file: "fuzz.json", environment: [:])
            Issue.record("loaded")
        } catch {
            #expect(error.description == #"fuzz.json: $: cannot load l\ngchain_core.fake.FakeListLLM: LangChain marks it not_implemented (it has no serialized form)"#)
        }
    }

    @Test func everyFileInTheCorpusHasAnExpectation() throws {
        let listed = Set(try Self.expectations().map(\.0))
        let files = Set(try LoaderFixtures.files("bad", suffix: ".json")).subtracting(["expected.json", "unknown-kwarg.json"])
        #expect(files == listed)
    }

    @Test func unknownKwargsAreWarningsNotErrors() throws {
        let chain = try ChainFile.load(path: LoaderFixtures.path("bad/unknown-kwarg.json"))
        #expect(chain.warnings.map(\.location) == ["$.kwargs.temperature"])
        #expect(chain.warnings.first?.message == "unknown PromptTemplate kwarg 'temperature' (ignored)")
    }

    @Test func oversizedFilesAreRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("runscope-big-\(UUID()).json").path
        let big = "{\"chain\": \"passthrough\", \"description\": \"" + String(repeating: "x", count: ChainFile.maxFileSize) + "\"}"
        try big.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect { try ChainFile.load(path: path) } throws: { "\($0)".contains("limited to 8 MiB") }
    }

    @Test func missingFilesAndDirectoriesSaySo() {
        #expect { try ChainFile.load(path: "/nonexistent/chain.json") } throws: { "\($0)" == "/nonexistent/chain.json: cannot read the file (no such file)" }
        #expect { try ChainFile.load(path: "/tmp") } throws: { "\($0)".contains("is a directory") }
    }

    @Test func missingInputVariablesAreNamedBeforeRunning() throws {
        let chain = try ChainFile.load(path: LoaderFixtures.example("joke.json"))
        #expect(InputCheck.problem(chain.runnable, input: ["animal": "cats"]) == nil)
        #expect(InputCheck.problem(chain.runnable, input: ["anmial": "cats"]) == "the input is missing 'animal' (the chain needs 'animal')")
        #expect(InputCheck.problem(chain.runnable, input: nil) == "the chain needs 'animal': pass them with --input NAME=VALUE")
    }
}
