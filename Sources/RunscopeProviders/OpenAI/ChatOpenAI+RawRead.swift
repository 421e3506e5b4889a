import RunscopeCore

extension ChatOpenAI {
    /// Sends the request `chatStream` would send, through the same client and transport,
    /// and reads the answer's body decoding nothing; returns its bytes. The baseline of
    /// `runscope-bench`'s provider figures (what reading the bytes costs before any parsing),
    /// for benchmarks only, hence the SPI.
    @_spi(Benchmarks)
    public func readRawResponse(_ messages: [Message], options: ChatCallOptions = ChatCallOptions()) async throws -> Int {
        let transport = ProviderTransport(endpoint: endpoint, body: ProviderSupport.bytes(requestBody(messages, options: options)))
        let response = try await transport.open(run: nil)
        var bytes = 0
        for try await buffer in response.body { bytes &+= buffer.readableBytes }
        return bytes
    }
}
