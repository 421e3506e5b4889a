/// The fuzz targets by name (scripts/fuzz.sh --list names the same set).
enum FuzzTargets {
    static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "json": JSONFuzz.run,
        "chain-file": ChainFileFuzz.run,
        "sse": SSEFuzz.run,
        "ndjson": NDJSONFuzz.run,
        "event-log": EventLogFuzz.run,
        "fstring": TemplateFuzz.runFString,
        "mustache": TemplateFuzz.runMustache,
        "arithmetic": ArithmeticFuzz.run,
        "partial-json": PartialJSONFuzz.run,
        "otlp-protobuf": OTLPProtobufFuzz.run,
        "otlp-json": OTLPJSONFuzz.run,
        "otlp-wire": OTLPWireFuzz.run,
        "gzip": GzipFuzz.run,
    ]
}
