import RunscopeProviders
import Testing

/// A named SSE byte stream with the outcome it must produce however it is chunked.
struct SSEFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let expectedEvents: [SSEEvent]
    let expectedIncomplete: Bool

    var testDescription: String { name }
}

/// Inline provider-style fixtures (multi-byte UTF-8 throughout so cuts land inside sequences).
enum SSEFixtures {
    static let openAIText = """
        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":"你好"},"finish_reason":null}]}

        : keep-alive

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":" 🙂 café"},"finish_reason":null}]}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

        data: [DONE]


        """

    static let openAIEvents: [SSEEvent] = [
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"#,
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":"你好"},"finish_reason":null}]}"#,
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":" 🙂 café"},"finish_reason":null}]}"#,
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#,
        "[DONE]",
    ].map { SSEEvent(data: $0) }

    static let anthropicText = """
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],"model":"claude-3-5-sonnet-20241022","stop_reason":null,"usage":{"input_tokens":25,"output_tokens":1}}}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: ping
        data: {"type": "ping"}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"你好"}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" 🙂 é"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}

        event: message_stop
        data: {"type":"message_stop"}


        """

    static let anthropicEvents: [SSEEvent] = [
        ("message_start", #"{"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],"model":"claude-3-5-sonnet-20241022","stop_reason":null,"usage":{"input_tokens":25,"output_tokens":1}}}"#),
        ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#),
        ("ping", #"{"type": "ping"}"#),
        ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"你好"}}"#),
        ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" 🙂 é"}}"#),
        ("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
        ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}"#),
        ("message_stop", #"{"type":"message_stop"}"#),
    ].map { SSEEvent(type: $0.0, data: $0.1) }

    static let specText = """
        : test stream 🙂

        data: first 你好
        id: 1

        data:second é
        id

        data:  third
        retry: 1500

        event: naïve
        data
        data:
        data: x:y

        event: dropped
        id: a\u{0}b
        retry: 12a


        """

    static let specEvents: [SSEEvent] = [
        SSEEvent(data: "first 你好", lastEventID: "1"),
        SSEEvent(data: "second é"),
        SSEEvent(data: " third", retry: 1500),
        SSEEvent(type: "naïve", data: "\n\nx:y", retry: 1500),
    ]

    static let mixedEndingsBytes = StreamParserTestSupport.bytes(
        "data: 你\rdata: 好\r\ndata: é\n\r\nevent: 🙂\r\ndata: d\r\r:c\r\ndata: e\n\n"
    )

    static let mixedEndingsEvents = [
        SSEEvent(data: "你\n好\né"), SSEEvent(type: "🙂", data: "d"), SSEEvent(data: "e"),
    ]

    static let invalidUTF8Bytes = StreamParserTestSupport.bytes("data: ") + [0xE4, 0xBD] + [0x0D, 0x0A]
        + StreamParserTestSupport.bytes("data: ok ") + [0xF0, 0x9F, 0x99] + [0x0D, 0x0A, 0x0D, 0x0A]
        + StreamParserTestSupport.bytes("data: ") + [0xFF, 0xC3, 0xA9] + [0x0D, 0x0D]

    static let truncatedAnthropic: [UInt8] = Array(
        StreamParserTestSupport.bytes("event: ping\r\ndata: {}\r\n\r\nevent: content_block_delta\r\ndata: {\"text\":\"你").dropLast(2)
    )

    static let all: [SSEFixture] = [
        SSEFixture(name: "OpenAI LF", bytes: StreamParserTestSupport.bytes(openAIText), expectedEvents: openAIEvents, expectedIncomplete: false),
        SSEFixture(name: "OpenAI CRLF", bytes: StreamParserTestSupport.withCRLF(StreamParserTestSupport.bytes(openAIText)), expectedEvents: openAIEvents, expectedIncomplete: false),
        SSEFixture(name: "Anthropic LF", bytes: StreamParserTestSupport.bytes(anthropicText), expectedEvents: anthropicEvents, expectedIncomplete: false),
        SSEFixture(name: "Anthropic CRLF", bytes: StreamParserTestSupport.withCRLF(StreamParserTestSupport.bytes(anthropicText)), expectedEvents: anthropicEvents, expectedIncomplete: false),
        SSEFixture(name: "Anthropic CR", bytes: StreamParserTestSupport.withCR(StreamParserTestSupport.bytes(anthropicText)), expectedEvents: anthropicEvents, expectedIncomplete: false),
        SSEFixture(name: "Anthropic CRLF with BOM", bytes: [0xEF, 0xBB, 0xBF] + StreamParserTestSupport.withCRLF(StreamParserTestSupport.bytes(anthropicText)), expectedEvents: anthropicEvents, expectedIncomplete: false),
        SSEFixture(name: "WHATWG rules CRLF", bytes: StreamParserTestSupport.withCRLF(StreamParserTestSupport.bytes(specText)), expectedEvents: specEvents, expectedIncomplete: false),
        SSEFixture(name: "mixed CR/LF/CRLF", bytes: mixedEndingsBytes, expectedEvents: mixedEndingsEvents, expectedIncomplete: false),
        SSEFixture(name: "invalid UTF-8", bytes: invalidUTF8Bytes, expectedEvents: [SSEEvent(data: "\u{FFFD}\nok \u{FFFD}"), SSEEvent(data: "\u{FFFD}é")], expectedIncomplete: false),
        SSEFixture(name: "truncated inside 你", bytes: truncatedAnthropic, expectedEvents: [SSEEvent(type: "ping", data: "{}")], expectedIncomplete: true),
        SSEFixture(name: "OpenAI without final blank line", bytes: Array(StreamParserTestSupport.bytes(openAIText).dropLast()), expectedEvents: Array(openAIEvents.dropLast()), expectedIncomplete: true),
    ]
}
