import Foundation
import RunscopeCore

/// What the exporter knows of one run when it becomes a span: who it is, the events
/// that started and ended it, and what came in between.
public struct SpanRecord: Sendable {
    public var run: RunInfo
    /// The outermost run of its trace (its id is the trace id).
    public var root: UUID
    public var start: Date
    public var startEvent: RunEvent
    /// `nil` while the run is running (or when it never ended).
    public var end: Date?
    public var endEvent: RunEvent?
    /// When the first streamed token came.
    public var firstToken: Date?
    /// How many tokens were streamed.
    public var tokenCount = 0
    /// The streamed tokens, when the export asks for them (`--otlp-tokens`).
    public var tokens: [Token] = []
    /// Retries, custom events and text, in order.
    public var events: [Event] = []

    /// A streamed token and when it came.
    public struct Token: Sendable {
        public var text: String
        public var time: Date
    }

    /// A retry, custom event or text, with LangChain's event name and its data.
    public struct Event: Sendable {
        public var name: String
        public var time: Date
        public var data: Value
    }

    /// A run that has just started.
    public init(run: RunInfo, root: UUID, start: Date, startEvent: RunEvent) {
        self.run = run
        self.root = root
        self.start = start
        self.startEvent = startEvent
    }

    /// The error the run ended with, if any.
    public var error: RunError? { endEvent?.error }
}
