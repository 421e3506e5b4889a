/// Reads an `ExportTraceServiceRequest` in protobuf straight into a `SpanBatch`, with no
/// generated message per span, attribute or value. The fields it does not keep are checked
/// as swift-protobuf checks them (strings UTF-8, messages well formed and at most 100 deep),
/// so it accepts the bodies swift-protobuf accepts and reads them to the same batch; unknown
/// fields are skipped. An error names the field that is wrong (`resourceSpans[0].…`).
enum SpanBatchReader {
    typealias Failure = ProtobufReader.Failure

    /// The batch in `bytes`, or an error saying where they are wrong.
    static func read(_ bytes: [UInt8]) throws(OTLPDecodeError) -> SpanBatch {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(Failure) in
                var reader = ProtobufReader(buffer)
                return try reader.outermost(request)
            }
        }
        switch result {
        case .success(let batch): return batch
        case .failure(let failure): throw OTLPDecodeError("not an OTLP ExportTraceServiceRequest in protobuf (\(bytes.count) bytes): \(failure)")
        }
    }

    private static func request(_ reader: inout ProtobufReader) throws(Failure) -> SpanBatch {
        var groups: [SpanBatch.Group] = []
        while let tag = try reader.tag() {
            guard tag.number == 1, tag.wireType == 2 else {
                try reader.skip(tag)
                continue
            }
            groups.append(try reader.message("resourceSpans[\(groups.count)]", resourceSpans))
        }
        return SpanBatch(groups: groups)
    }

    private static func resourceSpans(_ reader: inout ProtobufReader) throws(Failure) -> SpanBatch.Group {
        var group = SpanBatch.Group(resource: [], spans: [])
        var scopes = 0
        while let tag = try reader.tag() {
            switch (tag.number, tag.wireType) {
            case (1, 2):
                try reader.message("resource") { (reader: inout ProtobufReader) throws(Failure) in
                    try attributes(&reader, "attributes", into: &group.resource)
                }
            case (2, 2):
                try reader.message("scopeSpans[\(scopes)]") { (reader: inout ProtobufReader) throws(Failure) in
                    try scopeSpans(&reader, into: &group.spans)
                }
                scopes += 1
            case (3, 2): _ = try reader.string("schemaUrl")
            default: try reader.skip(tag)
            }
        }
        return group
    }

    private static func scopeSpans(_ reader: inout ProtobufReader, into spans: inout [ReceivedSpan]) throws(Failure) {
        var index = 0
        while let tag = try reader.tag() {
            switch (tag.number, tag.wireType) {
            case (1, 2): try reader.message("scope", scope)
            case (2, 2):
                spans.append(try reader.message("spans[\(index)]", span))
                index += 1
            case (3, 2): _ = try reader.string("schemaUrl")
            default: try reader.skip(tag)
            }
        }
    }

    /// An `InstrumentationScope`, checked and dropped.
    private static func scope(_ reader: inout ProtobufReader) throws(Failure) {
        var attributes: [Attribute] = []
        while let tag = try reader.tag() {
            switch (tag.number, tag.wireType) {
            case (1, 2): _ = try reader.string("name")
            case (2, 2): _ = try reader.string("version")
            case (3, 2): attributes.append(try reader.message("attributes[\(attributes.count)]", keyValue))
            default: try reader.skip(tag)
            }
        }
    }

    private static func span(_ reader: inout ProtobufReader) throws(Failure) -> ReceivedSpan {
        var span = ReceivedSpan()
        var links = 0
        while let tag = try reader.tag() {
            switch (tag.number, tag.wireType) {
            case (1, 2): span.traceID = try reader.within({ "traceId" }) { (reader: inout ProtobufReader) throws(Failure) in try reader.id() }
            case (2, 2): span.spanID = try reader.within({ "spanId" }) { (reader: inout ProtobufReader) throws(Failure) in try reader.id() }
            case (3, 2): _ = try reader.string("traceState")
            case (4, 2): span.parentSpanID = try reader.within({ "parentSpanId" }) { (reader: inout ProtobufReader) throws(Failure) in try reader.id() }
            case (5, 2): span.name = try reader.string("name")
            case (7, 1): span.startTimeUnixNano = try reader.fixed64()
            case (8, 1): span.endTimeUnixNano = try reader.fixed64()
            case (9, 2): span.attributes.append(try reader.message("attributes[\(span.attributes.count)]", keyValue))
            case (11, 2): span.events.append(try reader.message("events[\(span.events.count)]", event))
            case (13, 2):
                try reader.message("links[\(links)]", link)
                links += 1
            case (15, 2):
                try reader.message("status") { (reader: inout ProtobufReader) throws(Failure) in try status(&reader, into: &span) }
            default: try reader.skip(tag)
            }
        }
        return span
    }

    private static func event(_ reader: inout ProtobufReader) throws(Failure) -> ReceivedSpan.Event {
        var event = ReceivedSpan.Event()
        while let tag = try reader.tag() {
            switch (tag.number, tag.wireType) {
            case (1, 1): event.timeUnixNano = try reader.fixed64()
            case (2, 2): event.name = try reader.string("name")
            case (3, 2): event.attributes.append(try reader.message("attributes[\(event.attributes.count)]", keyValue))
            default: try reader.skip(tag)
            }
        }
        return event
    }

    /// A span link, checked and dropped.
    private static func link(_ reader: inout ProtobufReader) throws(Failure) {
        var attributes: [Attribute] = []
        while let tag = try reader.tag() {
            switch (tag.number, tag.wireType) {
            case (3, 2): _ = try reader.string("traceState")
            case (4, 2): attributes.append(try reader.message("attributes[\(attributes.count)]", keyValue))
            default: try reader.skip(tag)
            }
        }
    }

    /// A `Status` merged into `span` (a second one overrides what it sets).
    private static func status(_ reader: inout ProtobufReader, into span: inout ReceivedSpan) throws(Failure) {
        while let tag = try reader.tag() {
            switch (tag.number, tag.wireType) {
            case (2, 2): span.statusMessage = try reader.string("message")
            case (3, 0): span.statusCode = Int32(truncatingIfNeeded: try reader.varint())
            default: try reader.skip(tag)
            }
        }
    }

    /// The `KeyValue`s in field 1 of a message, named `name` in errors (a resource's attributes, a key-value list's values).
    private static func attributes(_ reader: inout ProtobufReader, _ name: String, into list: inout [Attribute]) throws(Failure) {
        var index = 0
        while let tag = try reader.tag() {
            guard tag.number == 1, tag.wireType == 2 else {
                try reader.skip(tag)
                continue
            }
            list.append(try reader.message("\(name)[\(index)]", keyValue))
            index += 1
        }
    }

    private static func keyValue(_ reader: inout ProtobufReader) throws(Failure) -> Attribute {
        var pair = Attribute(key: "", value: .empty)
        while let tag = try reader.tag() {
            switch (tag.number, tag.wireType) {
            case (1, 2): pair.key = try reader.string("key")
            case (2, 2):
                try reader.message("value") { (reader: inout ProtobufReader) throws(Failure) in try anyValue(&reader, into: &pair.value) }
            default: try reader.skip(tag)
            }
        }
        return pair
    }

    /// An `AnyValue` merged into `value`, as protobuf merges a message given twice: the last
    /// case set wins; an array or key-value list after one of its kind adds to it.
    private static func anyValue(_ reader: inout ProtobufReader, into value: inout AttributeValue) throws(Failure) {
        while let tag = try reader.tag() {
            switch (tag.number, tag.wireType) {
            case (1, 2): value = .string(try reader.string("stringValue"))
            case (2, 0): value = .bool(try reader.varint() != 0)
            case (3, 0): value = .int(Int64(bitPattern: try reader.varint()))
            case (4, 1): value = .double(Double(bitPattern: try reader.fixed64()))
            case (5, 2):
                var values: [AttributeValue] = []
                if case .array(let earlier) = value { values = earlier }
                value = .empty
                try reader.message("arrayValue") { (reader: inout ProtobufReader) throws(Failure) in try arrayValues(&reader, into: &values) }
                value = .array(values)
            case (6, 2):
                var pairs: [Attribute] = []
                if case .kvlist(let earlier) = value { pairs = earlier }
                value = .empty
                try reader.message("kvlistValue") { (reader: inout ProtobufReader) throws(Failure) in try attributes(&reader, "values", into: &pairs) }
                value = .kvlist(pairs)
            case (7, 2): value = .bytes(try reader.data())
            default: try reader.skip(tag)
            }
        }
    }

    private static func arrayValues(_ reader: inout ProtobufReader, into values: inout [AttributeValue]) throws(Failure) {
        var index = 0
        while let tag = try reader.tag() {
            guard tag.number == 1, tag.wireType == 2 else {
                try reader.skip(tag)
                continue
            }
            var item = AttributeValue.empty
            try reader.message("values[\(index)]") { (reader: inout ProtobufReader) throws(Failure) in try anyValue(&reader, into: &item) }
            values.append(item)
            index += 1
        }
    }
}
