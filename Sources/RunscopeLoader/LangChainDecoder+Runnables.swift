import RunscopeCore

/// Composition classes of LangChain's serialized form.
extension LangChainDecoder {
    func sequence(_ kwargs: JSONNode, name: String?) throws(LoadError) -> any Runnable {
        kwargs.warnUnknown(["first", "middle", "last", "name"], in: "RunnableSequence kwarg")
        var steps = [try runnable(kwargs.required("first", for: "RunnableSequence"))]
        if kwargs.has("middle") {
            for node in try kwargs["middle"].array() { steps.append(try runnable(node)) }
        }
        steps.append(try runnable(kwargs.required("last", for: "RunnableSequence")))
        let custom = name == "RunnableSequence" ? nil : name
        return RunnableSequence(steps: steps, name: custom)
    }

    func parallel(_ kwargs: JSONNode, name: String?) throws(LoadError) -> any Runnable {
        kwargs.warnUnknown(["steps__", "steps"], in: "RunnableParallel kwarg")
        let steps = kwargs.has("steps__") ? kwargs["steps__"] : try kwargs.required("steps", for: "RunnableParallel")
        var branches: [(key: String, runnable: any Runnable)] = []
        for (key, node) in try steps.members() { branches.append((key, try runnable(node))) }
        return RunnableParallel(branches)
    }

    func assign(_ kwargs: JSONNode) throws(LoadError) -> any Runnable {
        kwargs.warnUnknown(["mapper"], in: "RunnableAssign kwarg")
        let mapperNode = try kwargs.required("mapper", for: "RunnableAssign")
        guard let mapper = try runnable(mapperNode) as? RunnableParallel else {
            throw mapperNode.expected("a RunnableParallel")
        }
        return RunnableAssign(mapper: mapper)
    }

    func binding(_ kwargs: JSONNode) throws(LoadError) -> any Runnable {
        kwargs.warnUnknown(["bound", "kwargs", "config", "custom_input_type", "custom_output_type"], in: "RunnableBinding kwarg")
        let bound = try runnable(kwargs.required("bound", for: "RunnableBinding"))
        let callKwargs = kwargs.has("kwargs") ? try kwargs["kwargs"].object() : [:]
        return RunnableBinding(bound: bound, config: try runConfig(kwargs["config"]), kwargs: callKwargs)
    }

    /// A binding's `config`: tags, metadata, run_name, max_concurrency (callbacks cannot be loaded).
    func runConfig(_ node: JSONNode) throws(LoadError) -> RunConfig {
        if node.value.isNull { return RunConfig() }
        _ = try node.object()
        node.warnUnknown(["tags", "metadata", "run_name", "max_concurrency", "recursion_limit", "configurable"], in: "config key")
        var config = RunConfig()
        config.tags = try node.optionalStrings("tags") ?? []
        config.metadata = node.has("metadata") ? try node["metadata"].object() : [:]
        config.runName = try node.optionalString("run_name")
        config.maxConcurrency = try node.optionalInt("max_concurrency")
        return config
    }

    func fallbacks(_ kwargs: JSONNode) throws(LoadError) -> any Runnable {
        kwargs.warnUnknown(["runnable", "fallbacks", "exceptions_to_handle", "exception_key"], in: "RunnableWithFallbacks kwarg")
        let primary = try runnable(kwargs.required("runnable", for: "RunnableWithFallbacks"))
        var fallbacks: [any Runnable] = []
        for node in try kwargs.required("fallbacks", for: "RunnableWithFallbacks").array() {
            fallbacks.append(try runnable(node))
        }
        let handles = try errorMatcher(kwargs["exceptions_to_handle"])
        return RunnableWithFallbacks(runnable: primary, fallbacks: fallbacks, handles: handles)
    }

    func retry(_ kwargs: JSONNode) throws(LoadError) -> any Runnable {
        kwargs.warnUnknown(
            ["bound", "config", "kwargs", "retry_exception_types", "wait_exponential_jitter", "max_attempt_number",
             "exponential_jitter_params"], in: "RunnableRetry kwarg")
        let bound = try runnable(kwargs.required("bound", for: "RunnableRetry"))
        let retries = try errorMatcher(kwargs["retry_exception_types"])
        let retry = RunnableRetry(
            bound: bound, maxAttempts: try kwargs.optionalInt("max_attempt_number") ?? 3,
            waitExponentialJitter: try kwargs.optionalBool("wait_exponential_jitter") ?? true, retries: retries)
        let config = try runConfig(kwargs["config"])
        return config.tags.isEmpty && config.metadata.isEmpty && config.runName == nil
            ? retry : RunnableBinding(bound: retry, config: config)
    }

    /// Which errors a list of Python exception classes catches: `Exception` and
    /// `BaseException` catch all; any other class catches errors of that type name.
    func errorMatcher(_ node: JSONNode) throws(LoadError) -> @Sendable (RunError) -> Bool {
        if node.value.isNull { return { !$0.isCancellation } }
        var names: Set<String> = []
        for entry in try node.array() {
            guard entry.value["type"] != nil, entry.value["id"]?.arrayValue != nil, let last = try entry["id"].strings().last else {
                throw entry.expected("an exception class entry ({\"lc\": 1, \"type\": \"not_implemented\", \"id\": [\"builtins\", \"Exception\"]})")
            }
            names.insert(last)
        }
        if names.contains("Exception") || names.contains("BaseException") { return { !$0.isCancellation } }
        let matched = names
        return { matched.contains($0.type) }
    }

    func branch(_ kwargs: JSONNode, name: String?) throws(LoadError) -> any Runnable {
        kwargs.warnUnknown(["branches", "default"], in: "RunnableBranch kwarg")
        var branches: [(condition: any Runnable, runnable: any Runnable)] = []
        for pair in try kwargs.required("branches", for: "RunnableBranch").array() {
            let items = try pair.array()
            guard items.count == 2 else { throw pair.expected("a [condition, runnable] pair") }
            branches.append((try runnable(items[0]), try runnable(items[1])))
        }
        let fallback = try runnable(kwargs.required("default", for: "RunnableBranch"))
        return RunnableBranch(branches, default: fallback, name: name ?? "RunnableBranch")
    }
}
