import RunscopeCore

/// A request the test server received, for tests to assert on.
public struct RecordedRequest: Sendable {
    public var method: String
    /// The path and query, e.g. `/v1/chat/completions`.
    public var path: String
    /// The headers in the order received (names as sent).
    public var headers: [(name: String, value: String)]
    /// The raw body.
    public var body: [UInt8]
    /// The body parsed as JSON, if it is JSON.
    public var json: Value?

    /// A recorded request.
    public init(method: String, path: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.json = try? JSONParser.parse(bytes: body)
    }

    /// The first value of a header (case-insensitive name).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The body as text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The `model` of the JSON body.
    public var model: String? { json?["model"]?.stringValue }
}
