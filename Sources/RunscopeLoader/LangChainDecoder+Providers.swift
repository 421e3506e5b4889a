import RunscopeCore
import RunscopeProviders

/// The HTTP chat models of LangChain's serialized form: `ChatOpenAI`,
/// `ChatAnthropic` and `ChatOllama`, with LangChain's kwargs.
extension LangChainDecoder {
    static let providerClasses = ["ChatOpenAI", "ChatAnthropic", "ChatOllama"]

    /// Builds a provider model, or `nil` if `className` is not one.
    func provider(_ className: String, _ kwargs: JSONNode) throws(LoadError) -> (any Runnable)? {
        guard Self.providerClasses.contains(className) else { return nil }
        let (plain, local) = try providerKwargs(kwargs)
        do {
            let model: any ChatModel
            switch className {
            case "ChatOpenAI":
                let configuration = try ChatOpenAI.Configuration(kwargs: plain, environment: context.environment)
                warnForwarded(configuration.modelKwargs, plain, kwargs, className)
                model = ChatOpenAI(configuration: configuration, tags: local.tags, metadata: local.metadata, environment: context.environment)
            case "ChatAnthropic":
                let configuration = try ChatAnthropic.Configuration(kwargs: plain, environment: context.environment)
                warnForwarded(configuration.modelKwargs, plain, kwargs, className)
                model = ChatAnthropic(configuration: configuration, tags: local.tags, metadata: local.metadata, environment: context.environment)
            default:
                let configuration = try ChatOllama.Configuration(kwargs: plain, environment: context.environment)
                warnForwarded(configuration.modelKwargs, plain, kwargs, className)
                model = ChatOllama(configuration: configuration, tags: local.tags, metadata: local.metadata, environment: context.environment)
            }
            return model
        } catch let error as KwargsError {
            throw kwargs[error.key.components(separatedBy: ".")[0]].error(error.problem)
        } catch {
            throw kwargs.error("\(error)")
        }
    }

    /// The kwargs with secrets read from the environment (a missing one is a load
    /// error naming its path), and the local tags and metadata taken out.
    func providerKwargs(_ kwargs: JSONNode) throws(LoadError) -> (ValueObject, (tags: [String], metadata: ValueObject)) {
        var plain = ValueObject()
        for (key, node) in try kwargs.members() {
            if node.value["type"]?.stringValue == "secret", let text = try secretOrString(node) {
                plain[key] = .string(text)
            } else {
                plain[key] = node.value
            }
        }
        let tags = try kwargs.optionalStrings("tags") ?? []
        let metadata = kwargs.has("metadata") ? try kwargs["metadata"].object() : [:]
        for key in ["tags", "metadata", "callbacks", "verbose", "cache", "name", "disable_streaming", "rate_limiter"] {
            plain[key] = nil
        }
        return (plain, (tags, metadata))
    }

    /// Warns about kwargs the configuration did not know: LangChain sends them to the
    /// API in `model_kwargs`, and so does runscope.
    private func warnForwarded(_ modelKwargs: ValueObject, _ plain: ValueObject, _ kwargs: JSONNode, _ className: String) {
        let explicit = plain["model_kwargs"]?.objectValue ?? [:]
        for key in modelKwargs.keys where explicit[key] == nil && plain[key] != nil {
            kwargs[key].warn("unknown \(className) kwarg '\(key)' (sent to the API in model_kwargs, as LangChain does)")
        }
    }
}
