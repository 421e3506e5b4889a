import Foundation
import RunscopeCore

/// Model prices, looked up by a run's provider and model name. The built-in table ships
/// with runscope (``PriceTable/builtIn``); a user's file (`--prices FILE`) overrides or
/// extends it. A model the table does not know has no price: runscope never guesses.
public struct PriceTable: Sendable, Equatable {
    public private(set) var entries: [ModelPrice]
    private var byKey: [String: Int] = [:]

    /// A table of `entries`; a later entry for the same provider and name replaces an earlier one.
    public init(_ entries: [ModelPrice]) {
        self.entries = []
        for entry in entries { add(entry) }
    }

    /// The prices that ship with runscope (`runscope prices` prints them).
    public static let builtIn: PriceTable = {
        do {
            return try PriceTable(json: BuiltInPrices.json, file: "built-in prices")
        } catch {
            preconditionFailure("the built-in price table does not parse: \(error)")
        }
    }()

    /// This table with `other`'s entries added, replacing those of the same provider and model.
    public func merging(_ other: PriceTable) -> PriceTable {
        var merged = self
        for entry in other.entries { merged.add(entry) }
        return merged
    }

    /// The price of `model` from `provider` (nil: match on the name alone), or nil if unknown.
    /// Names match without case; a name the table lacks is tried again without a `-latest`
    /// or date suffix (`-2024-08-06`, `-20241022`), so a dated snapshot with a price of its
    /// own keeps it. Ollama's `:tag` and a `vendor/` prefix are ignored.
    public func price(model: String, provider: String?) -> ModelPrice? {
        entry(model: model, provider: provider).map { entries[$0] }
    }

    /// The index in ``entries`` of the price of `model` from `provider` (see ``price(model:provider:)``).
    public func entry(model: String, provider: String?) -> Int? {
        let name = Self.base(model, provider: provider)
        let undated = Self.undated(name)
        guard let provider = provider?.lowercased() else {
            return entries.firstIndex { Self.names(of: $0).contains(name) } ?? entries.firstIndex { Self.names(of: $0).contains(undated) }
        }
        return byKey[Self.key(provider: provider, name: name)] ?? byKey[Self.key(provider: provider, name: undated)]
    }

    /// The price of a model run, from its metadata (`ls_provider`, `ls_model_name`) and the
    /// model its response names (`response_metadata.model_name`, which wins: it is what ran).
    public func price(metadata: ValueObject, responseModel: String?) -> ModelPrice? {
        entry(metadata: metadata, responseModel: responseModel).map { entries[$0] }
    }

    /// The index in ``entries`` of a model run's price (see ``price(metadata:responseModel:)``).
    public func entry(metadata: ValueObject, responseModel: String?) -> Int? {
        let provider = metadata["ls_provider"]?.stringValue
        let names = [responseModel, metadata["ls_model_name"]?.stringValue].compactMap { $0 }
        for name in names { if let found = entry(model: name, provider: provider) { return found } }
        return nil
    }

    private mutating func add(_ entry: ModelPrice) {
        let provider = entry.provider.lowercased()
        let index: Int
        if let existing = byKey[Self.key(provider: provider, name: Self.base(entry.model, provider: provider))] {
            entries[existing] = entry
            index = existing
        } else {
            index = entries.count
            entries.append(entry)
        }
        for name in Self.names(of: entry) { byKey[Self.key(provider: provider, name: name)] = index }
    }

    /// The names an entry answers to, as the table compares them.
    private static func names(of entry: ModelPrice) -> [String] {
        ([entry.model] + entry.aliases).map { base($0, provider: entry.provider) }
    }

    private static func key(provider: String, name: String) -> String { provider + "\u{0}" + name }

    /// A model name as the table compares it: lower case, without Ollama's `:tag` or a `vendor/` prefix.
    static func base(_ model: String, provider: String?) -> String {
        var name = model.lowercased().trimmingCharacters(in: .whitespaces)
        let ollama = provider?.lowercased() == "ollama"
        if ollama, let colon = name.firstIndex(of: ":") { name = String(name[..<colon]) }
        if !ollama, let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        return name
    }

    /// `name` without a `-latest` or date suffix.
    static func undated(_ name: String) -> String {
        var name = name
        if name.hasSuffix("-latest") { name.removeLast("-latest".count) }
        if let range = name.range(of: #"-\d{4}-\d{2}-\d{2}$|-\d{8}$"#, options: .regularExpression) { name.removeSubrange(range) }
        return name
    }
}

extension PriceTable {
    /// The price of a model run's result and what its usage cost: the model its response
    /// names (`response_metadata.model_name`, or the LLM output's) first, else the one its
    /// metadata asked for. Nil without usage or without a price.
    /// `entry` is the price's index in ``entries``.
    public func cost(of result: LLMResult, metadata: ValueObject) -> (entry: Int, dollars: Double)? {
        guard let usage = result.usage else { return nil }
        let responseModel = result.firstMessage?.responseMetadata["model_name"]?.stringValue
            ?? result.llmOutput?["model_name"]?.stringValue
        guard let entry = entry(metadata: metadata, responseModel: responseModel) else { return nil }
        return (entry, entries[entry].cost(of: usage))
    }
}
