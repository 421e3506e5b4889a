import RunscopeCore

/// What the three HTTP chat models share: a request body per call, an endpoint,
/// and a stream decoder for their wire format; `chatStream` is built from these.
protocol HTTPChatModel: ChatModel {
    associatedtype Decoder: ChatStreamDecoder
    /// Where requests go, with the key and limits resolved.
    var endpoint: ProviderEndpoint { get }
    /// The JSON body of one call.
    func requestBody(_ messages: [Message], options: ChatCallOptions) -> ValueObject
    /// A fresh decoder for one response.
    static func decoder(for endpoint: ProviderEndpoint) -> Decoder
}

extension HTTPChatModel {
    public func chatStream(_ messages: [Message], options: ChatCallOptions) -> ValueStream {
        let transport = ProviderTransport(endpoint: endpoint, body: ProviderSupport.bytes(requestBody(messages, options: options)))
        let endpoint = self.endpoint
        let run = options.run
        return ChatStreamDriver.stream {
            ChatStreamDriver(transport: transport, decoder: Self.decoder(for: endpoint), run: run)
        }
    }
}
