import NIOCore
import NIOHTTP1

/// Serves one connection: collects each request, records it, and plays the steps of
/// its scripted response with real delays. A client that leaves mid-response is
/// counted as an abandoned response.
final class ProviderHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: TestServerState
    private let planner: ResponsePlanner
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var responding = false
    private var timer: Scheduled<Void>?

    init(state: TestServerState, planner: ResponsePlanner) {
        self.state = state
        self.planner = planner
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body.removeAll()
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head else { return }
            let request = RecordedRequest(
                method: head.method.rawValue, path: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
            let attempt = state.record(request)
            planner.options.onRequest?(request)
            responding = true
            play(planner.plan(request, attempt: attempt)[...], context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        if responding {
            responding = false
            state.responseAborted()
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// Plays steps until one has to wait; the rest is scheduled on the event loop.
    private func play(_ steps: ArraySlice<ResponseStep>, context: ChannelHandlerContext) {
        var rest = steps
        while let step = rest.popFirst() {
            guard context.channel.isActive else { return }
            switch step {
            case .head(let status, let headers):
                let responseHead = HTTPResponseHead(
                    version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: HTTPHeaders(headers))
                context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            case .body(let bytes):
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes)))), promise: nil)
            case .end:
                responding = false
                state.responseCompleted()
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            case .close:
                responding = false
                context.flush()
                context.close(promise: nil)
                return
            case .stall:
                context.flush()
                schedule(after: planner.options.stallLimit, [.close], context: context)
                return
            case .wait(let seconds):
                context.flush()
                schedule(after: seconds, rest, context: context)
                return
            }
        }
    }

    private func schedule(after seconds: Double, _ steps: ArraySlice<ResponseStep>, context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(Int64(seconds * 1e9))) {
            self.timer = nil
            self.play(steps, context: context)
        }
    }
}
