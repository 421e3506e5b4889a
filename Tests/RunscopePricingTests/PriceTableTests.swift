import Foundation
import RunscopeCore
import Testing
@testable import RunscopePricing

/// The built-in table, lookups by provider and name, and price files with their errors.
struct PriceTableTests {
    @Test func everyBuiltInPriceNamesItsSourceAndDate() throws {
        let table = PriceTable.builtIn
        #expect(table.entries.count >= 40)
        for entry in table.entries {
            #expect(entry.source.hasPrefix("https://"), "\(entry.model)")
            #expect(entry.date.range(of: #"^\d{4}-\d{2}(-\d{2})?$"#, options: .regularExpression) != nil, "\(entry.model)")
        }
        let providers = Set(table.entries.map(\.provider))
        #expect(providers == ["openai", "anthropic", "ollama"])
    }

    @Test func datedSnapshotsAndLatestFindTheirModel() throws {
        let table = PriceTable.builtIn
        #expect(table.price(model: "gpt-4o-mini-2024-07-18", provider: "openai")?.model == "gpt-4o-mini")
        #expect(table.price(model: "claude-3-5-haiku-20241022", provider: "anthropic")?.model == "claude-3-5-haiku")
        #expect(table.price(model: "claude-3-5-haiku-latest", provider: "anthropic")?.model == "claude-3-5-haiku")
        #expect(table.price(model: "claude-opus-4-0", provider: "anthropic")?.model == "claude-opus-4")
        #expect(table.price(model: "GPT-4.1", provider: nil)?.model == "gpt-4.1")
        // A snapshot with a price of its own keeps it.
        #expect(table.price(model: "gpt-4o-2024-05-13", provider: "openai")?.input == 5)
        #expect(table.price(model: "gpt-4o-2024-08-06", provider: "openai")?.input == 2.5)
        #expect(table.price(model: "llama3.1:8b", provider: "ollama")?.isFree == true)
    }

    @Test func unknownModelsAndOtherProvidersHaveNoPrice() {
        let table = PriceTable.builtIn
        #expect(table.price(model: "gpt-4o", provider: "azure") == nil, "another provider's price is not guessed")
        #expect(table.price(model: "gpt-4o-turbo-ultra", provider: "openai") == nil)
        #expect(table.price(model: "scripted", provider: "fake") == nil)
        #expect(table.price(model: "llama3.1:8b", provider: nil) == nil, "an Ollama tag only means something for Ollama")
    }

    @Test func theResponseModelWinsOverTheRequestedOne() {
        let metadata: ValueObject = ["ls_provider": "openai", "ls_model_name": "gpt-4o"]
        #expect(PriceTable.builtIn.price(metadata: metadata, responseModel: "gpt-4o-mini-2024-07-18")?.model == "gpt-4o-mini")
        #expect(PriceTable.builtIn.price(metadata: metadata, responseModel: nil)?.model == "gpt-4o")
        #expect(PriceTable.builtIn.price(metadata: metadata, responseModel: "my-finetune")?.model == "gpt-4o")
    }

    @Test func aFileOverridesAndExtendsTheTable() throws {
        let file = try PriceTable(json: """
            {"prices": [
              {"provider": "openai", "model": "gpt-4o", "input": 1, "output": 2, "source": "https://example.com/contract", "date": "2026-11-30"},
              {"provider": "vllm", "model": "my-model", "input": 0.1, "output": 0.2, "source": "https://example.com/gpu", "date": "2026-11"}
            ]}
            """, file: "mine.json")
        let merged = PriceTable.builtIn.merging(file)
        #expect(merged.entries.count == PriceTable.builtIn.entries.count + 1)
        #expect(merged.price(model: "gpt-4o-2024-08-06", provider: "openai")?.input == 1)
        #expect(merged.price(model: "my-model", provider: "vllm")?.output == 0.2)
        #expect(merged.price(model: "gpt-4o-mini", provider: "openai")?.input == 0.15)
    }

    @Test(arguments: [
        (#"{"prices": [{"provider": "openai"#, "line 1, column 26"),
        (#"{"price": []}"#, "$"),
        (#"{"prices": [{"provider": "openai", "model": "x", "input": "1", "output": 2, "source": "s", "date": "2026-01-01"}]}"#, "$.prices[0].input"),
        (#"{"prices": [{"provider": "openai", "model": "x", "input": -1, "output": 2, "source": "s", "date": "2026-01-01"}]}"#, "$.prices[0].input"),
        (#"{"prices": [{"provider": "openai", "model": "x", "input": 1, "output": 2, "date": "2026-01-01"}]}"#, "$.prices[0].source"),
        (#"{"prices": [{}, {"provider": "openai", "model": "x", "input": 1, "output": 2, "source": "s", "date": "yesterday"}]}"#, "$.prices[0].date"),
        (#"{"prices": [{"provider": "openai", "model": "x", "input": 1, "output": 2, "source": "s", "date": "2026-01", "cost": 3}]}"#, "$.prices[0].cost"),
        (#"{"prices": [{"provider": "a", "model": "x", "input": 1, "output": 2, "source": "s", "date": "2026-01", "long_context": {"input": 1, "output": 2}}]}"#, "$.prices[0].long_context.above"),
    ])
    func badFilesSayWhere(json: String, location: String) {
        #expect(throws: PriceTableError.self) { try PriceTable(json: json, file: "p.json") }
        do {
            _ = try PriceTable(json: json, file: "p.json")
        } catch {
            #expect(error.file == "p.json")
            #expect(error.location == location, "\(error)")
        }
    }

    @Test func theTableWritesAFileThatReadsBackTheSame() throws {
        let again = try PriceTable(json: PriceTable.builtIn.json, file: "again.json")
        #expect(again == PriceTable.builtIn)
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: PriceTableError(file: "/nonexistent/prices.json", location: "file", message: "cannot be read")) {
            try PriceTable(contentsOf: "/nonexistent/prices.json")
        }
    }
}
