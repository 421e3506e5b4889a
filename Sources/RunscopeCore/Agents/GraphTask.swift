import Foundation

/// One task of a graph step, as LangGraph describes it in its runs' metadata: the
/// step number, the node, what triggered it and its path.
struct GraphTask: Sendable {
    let step: Int
    let node: String
    let triggers: [String]
    let path: [Value]

    /// A pulled task: the node runs because an edge leads to it.
    static func pulled(_ node: String, step: Int) -> GraphTask {
        GraphTask(step: step, node: node, triggers: ["branch:to:\(node)"], path: ["__pregel_pull", .string(node)])
    }

    /// A pushed task: one `Send` to the node, the `index`-th of its step.
    static func pushed(_ node: String, step: Int, index: Int) -> GraphTask {
        GraphTask(step: step, node: node, triggers: ["__pregel_push"], path: ["__pregel_push", .int(index), false])
    }

    /// `langgraph_step`, `langgraph_node`, `langgraph_triggers`, `langgraph_path`,
    /// `langgraph_checkpoint_ns`: inherited by every run below the node.
    func metadata(namespace: String) -> ValueObject {
        [
            "langgraph_step": .int(step), "langgraph_node": .string(node),
            "langgraph_triggers": .array(triggers.map(Value.string)), "langgraph_path": .array(path),
            "langgraph_checkpoint_ns": .string(namespace),
        ]
    }

    /// Starts the node's run under `parent`, tagged `graph:step:N`; returns the run
    /// and the config for the run inside the node (tagged `seq:step:1`, with the
    /// task's `checkpoint_ns`, as LangGraph gives it to what a node calls).
    func start(under parent: RunManager, config: RunConfig, inputs: Value) throws -> (RunManager, RunConfig) {
        let namespace = "\(node):\(UUID().lowercasedString)"
        var nodeConfig = parent.childConfig(config, tag: "graph:step:\(step)")
        nodeConfig.metadata = config.metadata.merging(metadata(namespace: namespace))
        let run = try nodeConfig.startChainRun(name: node, inputs: inputs)
        var inner = run.childConfig(nodeConfig, tag: "seq:step:1")
        inner.metadata["checkpoint_ns"] = .string(namespace)
        return (run, inner)
    }
}
