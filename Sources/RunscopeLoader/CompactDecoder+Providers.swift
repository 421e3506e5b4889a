import RunscopeCore

/// The HTTP chat models of the compact format (filled in with the providers).
extension CompactDecoder {
    static let providerKinds: [String] = []

    func provider(_ kind: String, _ node: JSONNode) throws(LoadError) -> (any ChatModel)? {
        nil
    }
}
