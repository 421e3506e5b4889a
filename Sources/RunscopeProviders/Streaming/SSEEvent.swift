/// One event dispatched by ``SSEParser``, as described by the WHATWG HTML
/// "Parsing an event stream" algorithm.
public struct SSEEvent: Sendable, Hashable {
    /// The event type: the last `event` field of the block, or `"message"` when
    /// the block had none (or an empty one).
    public var type: String

    /// The concatenated `data` field values, joined by `"\n"`, without the final `"\n"`.
    public var data: String

    /// The last event ID in force when the event was dispatched. Like the
    /// browser's `lastEventId`, it persists across events until an `id` field changes it.
    public var lastEventID: String

    /// The reconnection time in milliseconds from the most recent valid `retry`
    /// field seen so far in the stream (it persists across events), or `nil` if none.
    public var retry: Int?

    /// Creates an event; the defaults match a bare `data:` block.
    public init(type: String = "message", data: String, lastEventID: String = "", retry: Int? = nil) {
        self.type = type
        self.data = data
        self.lastEventID = lastEventID
        self.retry = retry
    }
}
