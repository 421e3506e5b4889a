import RunscopeCore

/// The classes the LangChain decoder can build, by class name.
extension LangChainDecoder {
    /// Every class name `build` knows, for error messages.
    static let supportedClasses: [String] = [
        "RunnableSequence", "RunnableParallel", "RunnableMap", "RunnablePassthrough", "RunnableAssign", "RunnablePick",
        "RunnableBinding", "RunnableWithFallbacks", "RunnableRetry", "RunnableBranch", "PromptTemplate",
        "ChatPromptTemplate", "StrOutputParser", "JsonOutputParser", "SimpleJsonOutputParser",
        "CommaSeparatedListOutputParser", "GenericFakeChatModel", "FakeListChatModel",
    ] + providerClasses

    /// Builds `className` from its kwargs, or `nil` if the class is unknown.
    func build(_ className: String, _ kwargs: JSONNode, name: String?) throws(LoadError) -> (any Runnable)? {
        switch className {
        case "RunnableSequence": return try sequence(kwargs, name: name)
        case "RunnableParallel", "RunnableMap": return try parallel(kwargs, name: name)
        case "RunnablePassthrough": return noKwargs(kwargs, RunnablePassthrough())
        case "RunnableAssign": return try assign(kwargs)
        case "RunnablePick": return RunnablePick(keys: try kwargs.required("keys", for: "RunnablePick").strings())
        case "RunnableBinding": return try binding(kwargs)
        case "RunnableWithFallbacks": return try fallbacks(kwargs)
        case "RunnableRetry": return try retry(kwargs)
        case "RunnableBranch": return try branch(kwargs, name: name)
        case "PromptTemplate": return try promptTemplate(kwargs)
        case "ChatPromptTemplate": return try chatPromptTemplate(kwargs)
        case "StrOutputParser": return noKwargs(kwargs, StrOutputParser())
        case "JsonOutputParser", "SimpleJsonOutputParser":
            kwargs.warnUnknown(["pydantic_object", "diff"], in: "\(className) kwarg")
            return JsonOutputParser()
        case "CommaSeparatedListOutputParser": return noKwargs(kwargs, CommaSeparatedListOutputParser())
        case "GenericFakeChatModel": return try genericFakeChatModel(kwargs, name: name)
        case "FakeListChatModel": return try fakeListChatModel(kwargs, name: name)
        default: return try provider(className, kwargs)
        }
    }

    private func noKwargs(_ kwargs: JSONNode, _ runnable: any Runnable) -> any Runnable {
        kwargs.warnUnknown([], in: "\(runnable.name) kwarg")
        return runnable
    }
}
