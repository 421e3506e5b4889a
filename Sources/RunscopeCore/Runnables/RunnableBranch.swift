/// Runs the first branch whose condition holds, else the default. Conditions are
/// runnables; each runs as a child run tagged `condition:N`, the chosen branch as `branch:N`.
public struct RunnableBranch: Runnable {
    public let branches: [(condition: any Runnable, runnable: any Runnable)]
    public let defaultBranch: any Runnable
    public let name: String

    /// A branch with conditions tried in order and a default.
    public init(
        _ branches: [(condition: any Runnable, runnable: any Runnable)], default defaultBranch: any Runnable,
        name: String = "RunnableBranch"
    ) {
        self.branches = branches
        self.defaultBranch = defaultBranch
        self.name = name
    }

    /// The branch to run and its tag, after running the conditions as children of `run`.
    private func choose(_ input: Value, config: RunConfig, run: RunManager) async throws -> (any Runnable, String) {
        for (index, branch) in branches.enumerated() {
            let verdict = try await branch.condition.invoke(
                input, config: run.childConfig(config, tag: "condition:\(index + 1)"))
            if verdict.isTruthy { return (branch.runnable, "branch:\(index + 1)") }
        }
        return (defaultBranch, "branch:default")
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, inputs: input, keeping: self) { run in
            let (runnable, tag) = try await choose(input, config: config, run: run)
            return try await runnable.invoke(input, config: run.childConfig(config, tag: tag))
        }
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        config.tracedStream(name: name, inputs: input, keeping: self) { run in
            ValueStream {
                var inner: ValueStream.AsyncIterator?
                return {
                    if inner == nil {
                        let (runnable, tag) = try await choose(input, config: config, run: run)
                        inner = runnable.streamValues(input, config: run.childConfig(config, tag: tag)).makeAsyncIterator()
                    }
                    return try await inner!.next()
                }
            }
        }
    }
}
