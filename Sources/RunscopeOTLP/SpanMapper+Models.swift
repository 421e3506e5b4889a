import Foundation
import RunscopeCore

extension SpanMapper {
    /// A model run's attributes: model, provider, parameters, messages, usage, finish
    /// reasons and time to first token, in OpenInference's names and GenAI's.
    static func modelAttributes(_ record: SpanRecord, _ list: inout AttributeList) {
        let run = record.run
        let params = run.extra["invocation_params"]?.objectValue ?? [:]
        let model = run.metadata["ls_model_name"]?.stringValue ?? params["model"]?.stringValue ?? params["model_name"]?.stringValue
        let provider = run.metadata["ls_provider"]?.stringValue
        list.set("llm.model_name", model)
        list.set("llm.provider", provider)
        if !params.isEmpty { list.set("llm.invocation_parameters", Value.object(params).compactJSON()) }
        list.set("gen_ai.operation.name", run.runType == .chatModel ? "chat" : "text_completion")
        list.set("gen_ai.provider.name", provider)
        list.set("gen_ai.request.model", model)
        list.set("gen_ai.request.temperature", params["temperature"]?.doubleValue)
        list.set("gen_ai.request.max_tokens", params["max_tokens"]?.intValue)
        list.set("gen_ai.request.top_p", params["top_p"]?.doubleValue)
        inputMessages(record.startEvent, &list)
        if case .llmEnd(let result) = record.endEvent { answer(result, &list) }
        if case .llmError(_, let result?) = record.endEvent { answer(result, &list) }
        if let first = record.firstToken {
            list.set("runscope.time_to_first_token_ms", first.timeIntervalSince(record.start) * 1000)
        }
        if record.tokenCount > 0 { list.set("runscope.streamed_tokens", record.tokenCount) }
    }

    /// `llm.input_messages.N.message.*` from a chat model's messages or an LLM's prompts.
    private static func inputMessages(_ event: RunEvent, _ list: inout AttributeList) {
        switch event {
        case .chatModelStart(let batches):
            for (index, message) in (batches.first ?? []).enumerated() {
                self.message(message, prefix: "llm.input_messages.\(index).message.", &list)
            }
        case .llmStart(let prompts):
            for (index, prompt) in prompts.enumerated() {
                list.set("llm.input_messages.\(index).message.role", "user")
                list.set("llm.input_messages.\(index).message.content", prompt)
            }
        default:
            break
        }
    }

    /// The answer: output messages, usage, response model, id and finish reasons.
    private static func answer(_ result: LLMResult, _ list: inout AttributeList) {
        let generations = result.generations.first ?? []
        for (index, generation) in generations.enumerated() {
            let message = generation.message ?? .ai(generation.text)
            self.message(message, prefix: "llm.output_messages.\(index).message.", &list)
        }
        let message = result.firstMessage
        if let usage = result.usage ?? usage(result.llmOutput) {
            list.set("llm.token_count.prompt", usage.inputTokens)
            list.set("llm.token_count.completion", usage.outputTokens)
            list.set("llm.token_count.total", usage.totalTokens)
            list.set("gen_ai.usage.input_tokens", usage.inputTokens)
            list.set("gen_ai.usage.output_tokens", usage.outputTokens)
            list.set("llm.token_count.prompt_details.cache_read", usage.cacheReadTokens)
            list.set("llm.token_count.prompt_details.cache_write", usage.cacheCreationTokens)
            list.set("llm.token_count.completion_details.reasoning", usage.reasoningTokens)
            list.set("gen_ai.usage.cache_read.input_tokens", usage.cacheReadTokens)
            list.set("gen_ai.usage.cache_creation.input_tokens", usage.cacheCreationTokens)
        }
        let metadata = message?.responseMetadata ?? [:]
        list.set("gen_ai.response.model", metadata["model_name"]?.stringValue ?? metadata["model"]?.stringValue)
        list.set("gen_ai.response.id", message?.id)
        let reasons = generations.compactMap { generation -> String? in
            let info = generation.message?.responseMetadata ?? [:]
            let fromInfo = generation.generationInfo?["finish_reason"]?.stringValue
            return info["finish_reason"]?.stringValue ?? info["stop_reason"]?.stringValue ?? info["done_reason"]?.stringValue ?? fromInfo
        }
        list.set("gen_ai.response.finish_reasons", strings: reasons)
    }

    /// Usage from an LLM's `llm_output.token_usage` (OpenAI's names), for models without message usage.
    private static func usage(_ output: ValueObject?) -> UsageMetadata? {
        guard let usage = output?["token_usage"]?.objectValue,
              let input = usage["prompt_tokens"]?.intValue, let completion = usage["completion_tokens"]?.intValue else { return nil }
        return UsageMetadata(inputTokens: input, outputTokens: completion, totalTokens: usage["total_tokens"]?.intValue)
    }

    /// One message under `prefix`: role, content, name, tool call id and tool calls.
    private static func message(_ message: Message, prefix: String, _ list: inout AttributeList) {
        list.set(prefix + "role", role(message.role))
        list.set(prefix + "content", message.content)
        list.set(prefix + "name", message.name)
        list.set(prefix + "tool_call_id", message.toolCallId)
        for (index, call) in message.toolCalls.enumerated() {
            let callPrefix = prefix + "tool_calls.\(index).tool_call."
            list.set(callPrefix + "id", call.id)
            list.set(callPrefix + "function.name", call.name)
            list.set(callPrefix + "function.arguments", Value.object(call.args).compactJSON())
        }
    }
}
