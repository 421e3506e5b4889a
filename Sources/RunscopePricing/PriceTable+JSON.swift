import Foundation
import RunscopeCore

/// Reading and writing price files:
///
/// ```json
/// {"prices": [{"provider": "openai", "model": "gpt-4o", "input": 2.5, "cached_input": 1.25,
///              "output": 10, "source": "https://…", "date": "2025-08-07"}]}
/// ```
///
/// Rates are USD per million tokens. `source` and `date` are required: every price says
/// where it was read and when.
extension PriceTable {
    /// The table in the file at `path`.
    public init(contentsOf path: String) throws(PriceTableError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PriceTableError(file: path, location: "file", message: "cannot be read")
        }
        try self.init(json: String(decoding: data, as: UTF8.self), file: path)
    }

    /// The table in `json`; errors name `file` and the place.
    public init(json: String, file: String) throws(PriceTableError) {
        let root: Value
        do {
            root = try JSONParser.parse(json)
        } catch {
            throw PriceTableError(file: file, location: "line \(error.line), column \(error.column)", message: "invalid JSON: \(error.message)")
        }
        guard let list = root["prices"]?.arrayValue else {
            throw PriceTableError(file: file, location: "$", message: "expected an object with a \"prices\" array")
        }
        var entries: [ModelPrice] = []
        for (index, item) in list.enumerated() {
            entries.append(try PriceReader(value: item, path: "$.prices[\(index)]", file: file).price())
        }
        self.init(entries)
    }

    /// The table as a price file (what `runscope prices --json` prints).
    public var json: String {
        let items: [Value] = entries.map(\.asValue)
        return Value.object(["currency": "USD", "unit": "per million tokens", "prices": .array(items)]).jsonString(indent: 2)
    }
}

extension ModelPrice {
    /// The entry as a price file writes it.
    var asValue: Value {
        var object: ValueObject = ["provider": .string(provider), "model": .string(model)]
        if !aliases.isEmpty { object["aliases"] = .array(aliases.map(Value.string)) }
        object["input"] = .double(input)
        if let cachedInput { object["cached_input"] = .double(cachedInput) }
        if let cacheWrite { object["cache_write"] = .double(cacheWrite) }
        object["output"] = .double(output)
        if let long = longContext {
            var tier: ValueObject = ["above": .int(long.above), "input": .double(long.input)]
            if let cached = long.cachedInput { tier["cached_input"] = .double(cached) }
            if let write = long.cacheWrite { tier["cache_write"] = .double(write) }
            tier["output"] = .double(long.output)
            object["long_context"] = .object(tier)
        }
        object["source"] = .string(source)
        object["date"] = .string(date)
        if let note { object["note"] = .string(note) }
        return .object(object)
    }
}

/// Reads one entry of a price file, with errors that say where.
private struct PriceReader {
    let value: Value
    let path: String
    let file: String

    static let known: Set<String> = [
        "provider", "model", "aliases", "input", "cached_input", "cache_write", "output", "long_context", "source", "date", "note",
    ]

    func price() throws(PriceTableError) -> ModelPrice {
        guard let object = value.objectValue else { throw error(path, "expected an object") }
        for (key, _) in object where !Self.known.contains(key) {
            throw error("\(path).\(key)", "unknown field (known: \(Self.known.sorted().joined(separator: ", ")))")
        }
        let date = try string("date", in: object)
        guard date.range(of: #"^\d{4}-\d{2}(-\d{2})?$"#, options: .regularExpression) != nil else {
            throw error("\(path).date", "expected a date as YYYY-MM-DD or YYYY-MM, not \"\(date)\"")
        }
        return ModelPrice(
            provider: try string("provider", in: object), model: try string("model", in: object),
            aliases: try strings("aliases", in: object), input: try rate("input", in: object, at: path),
            cachedInput: try optionalRate("cached_input", in: object, at: path), cacheWrite: try optionalRate("cache_write", in: object, at: path),
            output: try rate("output", in: object, at: path), longContext: try longContext(object["long_context"]),
            source: try string("source", in: object), date: date, note: object["note"]?.stringValue)
    }

    private func longContext(_ value: Value?) throws(PriceTableError) -> ModelPrice.LongContext? {
        guard let value, !value.isNull else { return nil }
        let at = "\(path).long_context"
        guard let object = value.objectValue else { throw error(at, "expected an object") }
        guard let above = object["above"]?.intValue, above > 0 else { throw error("\(at).above", "expected a positive number of tokens") }
        return ModelPrice.LongContext(
            above: above, input: try rate("input", in: object, at: at), cachedInput: try optionalRate("cached_input", in: object, at: at),
            cacheWrite: try optionalRate("cache_write", in: object, at: at), output: try rate("output", in: object, at: at))
    }

    private func string(_ key: String, in object: ValueObject) throws(PriceTableError) -> String {
        guard let text = object[key]?.stringValue, !text.isEmpty else { throw error("\(path).\(key)", "expected a non-empty string") }
        return text
    }

    private func strings(_ key: String, in object: ValueObject) throws(PriceTableError) -> [String] {
        guard let value = object[key], !value.isNull else { return [] }
        guard let items = value.arrayValue else { throw error("\(path).\(key)", "expected an array of strings") }
        var names: [String] = []
        for (index, item) in items.enumerated() {
            guard let name = item.stringValue else { throw error("\(path).\(key)[\(index)]", "expected a string") }
            names.append(name)
        }
        return names
    }

    private func rate(_ key: String, in object: ValueObject, at place: String) throws(PriceTableError) -> Double {
        guard let rate = try optionalRate(key, in: object, at: place) else {
            throw error("\(place).\(key)", "expected a price in USD per million tokens (a number ≥ 0)")
        }
        return rate
    }

    private func optionalRate(_ key: String, in object: ValueObject, at place: String) throws(PriceTableError) -> Double? {
        guard let value = object[key], !value.isNull else { return nil }
        guard let rate = value.doubleValue, rate >= 0, rate.isFinite else {
            throw error("\(place).\(key)", "expected a price in USD per million tokens (a number ≥ 0), not \(value.compactJSON())")
        }
        return rate
    }

    private func error(_ location: String, _ message: String) -> PriceTableError {
        PriceTableError(file: file, location: location, message: message)
    }
}
