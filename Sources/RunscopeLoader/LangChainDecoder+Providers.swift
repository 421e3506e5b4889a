import RunscopeCore

/// The HTTP chat models (filled in with the providers).
extension LangChainDecoder {
    static let providerClasses: [String] = []

    func provider(_ className: String, _ kwargs: JSONNode) throws(LoadError) -> (any Runnable)? {
        nil
    }
}
