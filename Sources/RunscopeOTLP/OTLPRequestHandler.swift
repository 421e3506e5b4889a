import Foundation
import NIOCore
import NIOHTTP1
import RunscopeCore

/// Serves one connection of the receiver: checks each request's path, method, token,
/// content type and size, decodes its body and answers (see `OTLPReceiver`).
final class OTLPRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// What every request must satisfy.
    struct Rules: Sendable {
        var token: String?
        var limit: Int
    }

    private let rules: Rules
    private let counters: Locked<OTLPReceiver.Counters>
    private let delivery: OTLPReceiver.Delivery
    private var head: HTTPRequestHead?
    private var encoding: OTLPBody.Encoding = .protobuf
    private var body: [UInt8] = []
    /// Set once the request was answered early (an error): the rest of its body is dropped.
    private var answered = false

    init(rules: Rules, counters: Locked<OTLPReceiver.Counters>, delivery: OTLPReceiver.Delivery) {
        self.rules = rules
        self.counters = counters
        self.delivery = delivery
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body.removeAll(keepingCapacity: true)
            answered = false
            check(requestHead, context: context)
        case .body(var buffer):
            guard !answered else { return }
            guard body.count + buffer.readableBytes <= rules.limit else {
                refuse(.payloadTooLarge, "the body is over \(rules.limit >> 20) MiB", context: context, close: true)
                return
            }
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .end:
            guard !answered, let head else { return }
            finish(head, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// Answers early what the head alone decides: path, method, token, content type, declared size.
    private func check(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        encoding = OTLPBody.Encoding(contentType: head.headers.first(name: "content-type")) ?? .protobuf
        if path != "/v1/traces" {
            refuse(.notFound, "no such path: \(path) (OTLP traces go to POST /v1/traces)", context: context)
        } else if head.method != .POST {
            refuse(.methodNotAllowed, "\(head.method.rawValue) /v1/traces: only POST is served", context: context, allow: true)
        } else if let token = rules.token, head.headers.first(name: "authorization") != "Bearer \(token)" {
            refuse(.unauthorized, "this receiver needs Authorization: Bearer <token> (runscope otlp --token)", context: context)
        } else if OTLPBody.Encoding(contentType: head.headers.first(name: "content-type")) == nil {
            let type = head.headers.first(name: "content-type") ?? "none"
            refuse(.unsupportedMediaType, "Content-Type \(type) is not served (application/x-protobuf or application/json)", context: context)
        } else if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > rules.limit {
            refuse(.payloadTooLarge, "the body is \(length) bytes, over \(rules.limit >> 20) MiB", context: context, close: true)
        }
    }

    /// Decodes the whole body and hands the request on.
    private func finish(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let handed: (taken: Bool, spans: Int)
        do {
            handed = try handOn(contentEncoding: head.headers.first(name: "content-encoding"))
        } catch {
            refuse(error.tooLarge ? .payloadTooLarge : .badRequest, error.message, context: context)
            return
        }
        let spans = handed.spans
        guard handed.taken else {
            refuse(.serviceUnavailable, "runscope is behind; retry", context: context, retryAfter: 1)
            return
        }
        counters.withLock {
            $0.accepted += 1
            $0.spans += spans
        }
        let answer: [UInt8] = encoding == .json ? Array("{}".utf8) : []
        respond(.ok, answer, context: context, close: !head.isKeepAlive)
    }

    /// Decodes the body as the delivery wants it and hands it on: whether it was taken, and its span count.
    private func handOn(contentEncoding: String?) throws(OTLPDecodeError) -> (taken: Bool, spans: Int) {
        defer { body.removeAll(keepingCapacity: body.capacity <= 1 << 20) }
        switch delivery {
        case .requests(let accept):
            let request = try OTLPBody.decode(body, encoding: encoding, contentEncoding: contentEncoding, limit: rules.limit)
            return (accept(request), request.resourceSpans.reduce(0) { $0 + $1.scopeSpans.reduce(0) { $0 + $1.spans.count } })
        case .spans(let accept):
            let batch = try OTLPBody.batch(body, encoding: encoding, contentEncoding: contentEncoding, limit: rules.limit)
            return (accept(batch), batch.spanCount)
        }
    }

    /// Answers with an error status and a `google.rpc.Status` carrying `message`.
    private func refuse(
        _ status: HTTPResponseStatus, _ message: String, context: ChannelHandlerContext, close: Bool = false,
        allow: Bool = false, retryAfter: Int? = nil
    ) {
        answered = true
        counters.withLock { $0.refused += 1 }
        var extra: [(String, String)] = []
        if allow { extra.append(("Allow", "POST")) }
        if let retryAfter { extra.append(("Retry-After", String(retryAfter))) }
        let close = close || head.map { !$0.isKeepAlive } ?? false
        respond(status, Self.status(code: Int(status.code), message: message, encoding: encoding), context: context, close: close, extra: extra)
    }

    private func respond(
        _ status: HTTPResponseStatus, _ bytes: [UInt8], context: ChannelHandlerContext, close: Bool, extra: [(String, String)] = []
    ) {
        var headers = HTTPHeaders([("Content-Type", encoding.contentType), ("Content-Length", String(bytes.count))] + extra)
        if close { headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if !bytes.isEmpty { context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes)))), promise: nil) }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if close {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// A `google.rpc.Status` (code 1, message 2) in protobuf, or `{"code", "message"}` in JSON.
    static func status(code: Int, message: String, encoding: OTLPBody.Encoding) -> [UInt8] {
        if encoding == .json {
            let value: Value = ["code": .int(code), "message": .string(message)]
            return Array(value.compactJSON().utf8)
        }
        var out: [UInt8] = [0x08]
        appendVarint(UInt64(code), to: &out)
        let text = Array(message.utf8)
        out.append(0x12)
        appendVarint(UInt64(text.count), to: &out)
        out.append(contentsOf: text)
        return out
    }

    private static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }
}
