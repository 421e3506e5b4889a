/// A request's spans as the translator reads them: per `ResourceSpans`, the resource's
/// attributes and the spans of all its scopes, in the request's order. `SpanBatchReader`
/// reads one straight from a protobuf body; `init(_:)` takes one from a decoded request.
public struct SpanBatch: Sendable, Equatable {
    /// The spans sent under one resource.
    public struct Group: Sendable, Equatable {
        public var resource: [Attribute]
        public var spans: [ReceivedSpan]

        /// The group of `spans` under a resource with `resource`'s attributes.
        public init(resource: [Attribute], spans: [ReceivedSpan]) {
            self.resource = resource
            self.spans = spans
        }
    }

    public var groups: [Group]

    /// The batch of `groups`.
    public init(groups: [Group]) {
        self.groups = groups
    }

    /// The batch of a decoded request.
    public init(_ request: OTLPExportRequest) {
        groups = request.resourceSpans.map { resourceSpans in
            Group(
                resource: resourceSpans.resource.attributes.map(Attribute.init),
                spans: resourceSpans.scopeSpans.flatMap { $0.spans.map(ReceivedSpan.init) })
        }
    }

    /// How many spans there are.
    public var spanCount: Int { groups.reduce(0) { $0 + $1.spans.count } }
}
