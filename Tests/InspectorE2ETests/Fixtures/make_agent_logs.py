"""Writes agent event logs (format v1) shaped as LangChain 1.x create_agent records them
(see docs/inspector.md, "Agents"): root `LangGraph`, a hidden `__start__` run, node runs
`model` / `tools` tagged graph:step:N with langgraph_* metadata inherited by their
children, a streaming chat model, parallel tool calls, a handled tool error (a ToolMessage
with status "error") and, in agent-interrupt.jsonl, a GraphInterrupt.

    python3 make_agent_logs.py   # rewrites agent-run.jsonl and agent-interrupt.jsonl here
"""
import json
import os
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = datetime(2026, 11, 30, 12, 0, 0, tzinfo=timezone.utc)


def message(cls, content, **kwargs):
    body = {"content": content, "additional_kwargs": {}, "response_metadata": {}, **kwargs}
    return {"lc": 1, "type": "constructor", "id": ["langchain", "schema", "messages", cls], "kwargs": body}


def call(name, args, id_):
    return {"name": name, "args": args, "id": id_, "type": "tool_call"}


class Log:
    def __init__(self):
        self.lines, self.time, self.count = [], BASE, 0

    def run_id(self):
        self.count += 1
        return "019ad000-0000-7000-8000-%012d" % self.count

    def emit(self, event, run, step=0.05, **fields):
        self.time += timedelta(seconds=step)
        line = {"v": 1, "event": event, "run_id": run["id"], "parent_run_id": run["parent"], "name": run["name"],
                "run_type": run["type"], "tags": run["tags"],
                "time": self.time.strftime("%Y-%m-%dT%H:%M:%S.%fZ")}
        line.update(fields)
        self.lines.append(json.dumps(line, ensure_ascii=False))

    def run(self, name, type_, parent, tags, metadata, event, **fields):
        run = {"id": self.run_id(), "parent": parent["id"] if parent else None, "name": name, "type": type_,
               "tags": tags, "metadata": metadata}
        self.emit(event, run, metadata=metadata, **fields)
        return run


def node_metadata(step, node, triggers, path, checkpoint):
    return {"langgraph_step": step, "langgraph_node": node, "langgraph_triggers": triggers,
            "langgraph_path": path, "langgraph_checkpoint_ns": checkpoint}


def model_step(log, root, step, prompt, words, answer):
    meta = node_metadata(step, "model", ["branch:to:model"], ["__pregel_pull", "model"], "model:%02d" % step)
    node = log.run("model", "chain", root, ["graph:step:%d" % step], meta, "on_chain_start", inputs={"messages": prompt})
    model_meta = dict(meta, ls_provider="fake", ls_model_type="chat")
    chat = log.run("FakeToolCallingModel", "chat_model", node, ["seq:step:1"], model_meta, "on_chat_model_start",
                   messages=[[message("SystemMessage", "You are a helpful assistant.")] + prompt])
    for word in words:
        log.emit("on_llm_new_token", chat, step=0.12, token=word)
    generation = {"text": answer["kwargs"]["content"], "generation_info": {"finish_reason": "stop"}, "type": "ChatGeneration",
                  "message": answer}
    log.emit("on_llm_end", chat, response={"generations": [[generation]], "llm_output": None})
    log.emit("on_chain_end", node, outputs={"lc": 1, "type": "not_implemented", "id": ["langgraph", "types", "Command"],
                                            "repr": "Command(update={'messages': [...]})"})


def tool_step(log, root, step, index, tool_call, result, status="success", delay=0.4):
    meta = node_metadata(step, "tools", ["__pregel_push"], ["__pregel_push", index, False], "tools:%02d%d" % (step, index))
    node = log.run("tools", "chain", root, ["graph:step:%d" % step], meta, "on_chain_start", inputs=tool_call)
    tool = log.run(tool_call["name"], "tool", node, ["seq:step:1"], meta, "on_tool_start",
                   input=str(tool_call["args"]), inputs=tool_call["args"])
    return node, tool, message("ToolMessage", result, tool_call_id=tool_call["id"], name=tool_call["name"], status=status)


def end_tools(log, pending, delay):
    for node, tool, output in pending:
        log.emit("on_tool_end", tool, step=delay, output=output)
        log.emit("on_chain_end", node, outputs={"messages": [output]})


def agent_run(interrupt=False):
    log = Log()
    human = message("HumanMessage", "Weather in Paris, and the price of ACME?")
    root = log.run("LangGraph", "chain", None, [], {}, "on_chain_start", inputs={"messages": [human]})
    start = log.run("__start__", "chain", root, ["graph:step:0", "langsmith:hidden"],
                    node_metadata(0, "__start__", ["__start__"], ["__pregel_pull", "__start__"], "__start__:00"),
                    "on_chain_start", inputs={"messages": [human]})
    log.emit("on_chain_end", start, outputs={"messages": [human]})
    calls = [call("get_weather", {"city": "Paris"}, "call_1"), call("get_stock_price", {"symbol": "ACME", "exchange": "NYSE"}, "call_2")]
    first = message("AIMessage", "Let me check both.", tool_calls=calls, invalid_tool_calls=[], id="run-1",
                    usage_metadata={"input_tokens": 24, "output_tokens": 9, "total_tokens": 33})
    model_step(log, root, 1, [human], ["Let", " me", " check", " both."], first)
    pending = [tool_step(log, root, 2, 0, calls[0], "It is sunny in Paris, 21 °C."),
               tool_step(log, root, 2, 1, calls[1], "Error: the stock service is down (HTTP 503).", status="error")]
    end_tools(log, pending, 0.3)
    history = [human, first] + [output for _, _, output in pending]
    if interrupt:
        meta = node_metadata(3, "model", ["branch:to:model"], ["__pregel_pull", "model"], "model:03")
        node = log.run("model", "chain", root, ["graph:step:3"], meta, "on_chain_start", inputs={"messages": history})
        value = "GraphInterrupt((Interrupt(value='Approve the answer?', id='9f1c'),))"
        log.emit("on_chain_error", node, error={"type": "GraphInterrupt", "message": value})
        log.emit("on_chain_error", root, error={"type": "GraphInterrupt", "message": value})
        return log.lines
    words = ["It", " is", " sunny", " in", " Paris", " (21", " °C).", " The", " stock", " service", " is", " down,",
             " so", " I", " could", " not", " get", " the", " ACME", " price."]
    final = message("AIMessage", "".join(words), tool_calls=[], invalid_tool_calls=[], id="run-2",
                    usage_metadata={"input_tokens": 61, "output_tokens": 20, "total_tokens": 81})
    model_step(log, root, 3, history, words, final)
    log.emit("on_chain_end", root, outputs={"messages": history + [final]})
    return log.lines


for name, lines in [("agent-run.jsonl", agent_run()), ("agent-interrupt.jsonl", agent_run(interrupt=True))]:
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
