"""Record reference traces of real LangGraph agents (fake tool-calling model only).

    python3 -m venv /tmp/agent-traces && /tmp/agent-traces/bin/pip install -r scripts/agent-traces-requirements.txt
    /tmp/agent-traces/bin/python scripts/make_agent_traces.py [CASE ...]

For each case NAME (e.g. ``agent_one_tool.invoke``) it writes, under
Tests/RunscopeCoreTests/Fixtures/langgraph/:

  NAME.events.jsonl         every callback a runtime recording handler saw, in order:
                            seq, event, run_id / parent_run_id (UUIDs -> R1, R2, ...),
                            resolved_name, run_type_kwarg (where LangChain gives one),
                            tags, metadata (start events; UUIDs inside it mapped too),
                            inputs / outputs / error summaries, token (on_llm_new_token);
                            the last line is {"__result__": {"ok", "raised"?}}
  NAME.result.json          the final messages summarised (invoke: the returned state;
                            stream: the root run's outputs), or the raised exception
  NAME.stream_chunks.jsonl  (stream mode) the (message, metadata) pairs yielded by
                            agent.stream(..., stream_mode="messages")

The style follows the langchain-core reference recorder (make_traces.py): the same
IdMap, summaries and Recorder. Nothing is tidied: runs and their order are what
LangGraph produced on this run (concurrent tool runs may interleave differently on
another run).
"""

from __future__ import annotations

import ast
import contextlib
import importlib.metadata
import io
import itertools
import json
import operator
import re
import sys
import uuid
import warnings
from pathlib import Path
from typing import Any, Callable, Iterator

from langchain.agents import create_agent
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models import fake_chat_models
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGenerationChunk, LLMResult
from langchain_core.tools import ToolException, tool
from langgraph.types import Command, Send

OUT = Path(__file__).resolve().parents[1] / "Tests" / "RunscopeCoreTests" / "Fixtures" / "langgraph"
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
MAXSTR = 300
SYSTEM = "You are a helpful assistant."
PACKAGES = ("langchain", "langchain-core", "langgraph", "langgraph-prebuilt", "langgraph-checkpoint")


# --------------------------------------------------------------------------
# id mapping + value summarising (as make_traces.py, plus Command / Send / ToolMessage.status)
# --------------------------------------------------------------------------
class IdMap:
    """Map UUIDs to R1, R2, ... in order of first appearance."""

    def __init__(self) -> None:
        self.m: dict[str, str] = {}

    def __call__(self, u: Any) -> str | None:
        if u is None:
            return None
        s = str(u).lower()
        if s not in self.m:
            self.m[s] = f"R{len(self.m) + 1}"
        return self.m[s]

    def sub(self, text: str) -> str:
        """Replace every UUID in text by its short id (allocating if new)."""
        return UUID_RE.sub(lambda mo: self(mo.group(0)), text)


def trunc(s: str) -> str:
    return s if len(s) <= MAXSTR else s[:MAXSTR] + f"...<{len(s)} chars>"


MESSAGE_ATTRS = ("tool_calls", "invalid_tool_calls", "tool_call_chunks", "tool_call_id", "status",
                 "artifact", "chunk_position", "name")


def summ_message(x: BaseMessage, ids: IdMap, depth: int) -> dict[str, Any]:
    d: dict[str, Any] = {"__msg__": type(x).__name__, "content": summ(x.content, ids, depth + 1)}
    for attr in MESSAGE_ATTRS:
        v = getattr(x, attr, None)
        if v:
            d[attr] = summ(v, ids, depth + 1)
    if x.id:
        d["id"] = summ(x.id, ids, depth + 1)
    if x.additional_kwargs:
        d["additional_kwargs"] = summ(x.additional_kwargs, ids, depth + 1)
    if x.response_metadata:
        d["response_metadata"] = summ(x.response_metadata, ids, depth + 1)
    return d


def summ_llm_result(x: LLMResult, ids: IdMap, depth: int) -> dict[str, Any]:
    gens = []
    for gl in x.generations:
        row = []
        for g in gl:
            gd: dict[str, Any] = {"__gen__": type(g).__name__, "text": trunc(g.text)}
            if getattr(g, "message", None) is not None:
                gd["message"] = summ(g.message, ids, depth + 1)
            if g.generation_info:
                gd["generation_info"] = summ(g.generation_info, ids, depth + 1)
            row.append(gd)
        gens.append(row)
    return {"__llm_result__": True, "generations": gens, "llm_output": summ(x.llm_output, ids, depth + 1)}


def summ_command(x: Command, ids: IdMap, depth: int) -> dict[str, Any]:
    d: dict[str, Any] = {"__command__": "Command"}
    for attr in ("graph", "update", "resume", "goto"):
        v = getattr(x, attr, None)
        if v not in (None, (), []):
            d[attr] = summ(v, ids, depth + 1)
    return d


def summ(x: Any, ids: IdMap, depth: int = 0) -> Any:  # noqa: C901, PLR0911
    """JSON-able, deterministic-ish summary of callback payloads."""
    if depth > 8:
        return f"<{type(x).__name__}>"
    if x is None or isinstance(x, (bool, int, float)):
        return x
    if isinstance(x, uuid.UUID):
        return ids(x)
    if isinstance(x, str):
        return ids.sub(trunc(x))
    if isinstance(x, BaseException):
        return {"__error__": type(x).__name__, "message": ids.sub(trunc(str(x)))}
    if isinstance(x, BaseMessage):
        return summ_message(x, ids, depth)
    if isinstance(x, LLMResult):
        return summ_llm_result(x, ids, depth)
    if isinstance(x, Command):
        return summ_command(x, ids, depth)
    if isinstance(x, Send):
        return {"__send__": x.node, "arg": summ(x.arg, ids, depth + 1)}
    if type(x).__name__ in ("ChatGenerationChunk", "GenerationChunk"):
        d: dict[str, Any] = {"__chunk__": type(x).__name__, "text": x.text}
        if getattr(x, "message", None) is not None:
            d["message"] = summ(x.message, ids, depth + 1)
        return d
    if isinstance(x, dict):
        return {str(k): summ(v, ids, depth + 1) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [summ(v, ids, depth + 1) for v in x]
    if hasattr(x, "model_dump"):
        with contextlib.suppress(Exception):
            return {"__model__": type(x).__name__, **summ(x.model_dump(), ids, depth + 1)}
    return {"__repr__": type(x).__name__, "repr": ids.sub(trunc(repr(x)))}


def ser_summary(serialized: dict | None) -> Any:
    if serialized is None:
        return None
    return {
        "lc": serialized.get("lc"),
        "type": serialized.get("type"),
        "id": serialized.get("id"),
        "name": serialized.get("name"),
        "kwargs_keys": sorted(serialized.get("kwargs", {}).keys()) if isinstance(serialized.get("kwargs"), dict) else None,
        "other_keys": sorted(k for k in serialized if k not in ("lc", "type", "id", "name", "kwargs")),
    }


def resolved_name(name: str | None, serialized: dict | None) -> str:
    """Same rule as langsmith RunTree.infer_defaults / event_stream._assign_name."""
    if name is not None:
        return name
    if serialized is not None:
        if "name" in serialized:
            return serialized["name"]
        if "id" in serialized:
            return serialized["id"][-1]
    return "Unnamed"


# --------------------------------------------------------------------------
# recording handler
# --------------------------------------------------------------------------
class Recorder(BaseCallbackHandler):
    """Records every callback with explicit signatures (no *args)."""

    raise_error = True  # surface bugs in this recorder instead of logging them

    def __init__(self, ids: IdMap) -> None:
        self.ids = ids
        self.events: list[dict[str, Any]] = []

    def _rec(self, event: str, run_id: Any, parent_run_id: Any, kwargs: dict, **fields: Any) -> None:
        rec: dict[str, Any] = {
            "seq": len(self.events) + 1,
            "event": event,
            "run_id": self.ids(run_id),
            "parent_run_id": self.ids(parent_run_id),
        }
        rec.update(fields)
        extra = dict(kwargs)
        if "tags" in extra:
            rec["tags"] = extra.pop("tags")
        if "metadata" in extra:
            rec["metadata"] = summ(extra.pop("metadata"), self.ids)
        if "name" in extra:
            rec["name_kwarg"] = extra.pop("name")
        if "run_type" in extra:
            rec["run_type_kwarg"] = extra.pop("run_type")
        if extra:
            rec["other_kwargs"] = summ(extra, self.ids)
        self.events.append(rec)

    def _start(self, event: str, serialized: Any, run_id: Any, parent_run_id: Any, kwargs: dict, **fields: Any) -> None:
        kwargs.setdefault("metadata", {})  # every start event carries metadata, even when LangChain sends none
        # a tool's serialized form is small ({"name", "description"}): kept whole, as make_traces.py does
        shown = summ(serialized, self.ids) if event == "on_tool_start" else ser_summary(serialized)
        self._rec(event, run_id, parent_run_id, kwargs, serialized=shown,
                  resolved_name=resolved_name(kwargs.get("name"), serialized), **fields)

    # starts -------------------------------------------------------------
    def on_llm_start(self, serialized, prompts, *, run_id, parent_run_id=None, **kwargs):
        self._start("on_llm_start", serialized, run_id, parent_run_id, kwargs, prompts=summ(prompts, self.ids))

    def on_chat_model_start(self, serialized, messages, *, run_id, parent_run_id=None, **kwargs):
        self._start("on_chat_model_start", serialized, run_id, parent_run_id, kwargs, messages=summ(messages, self.ids))

    def on_chain_start(self, serialized, inputs, *, run_id, parent_run_id=None, **kwargs):
        self._start("on_chain_start", serialized, run_id, parent_run_id, kwargs, inputs=summ(inputs, self.ids))

    def on_tool_start(self, serialized, input_str, *, run_id, parent_run_id=None, **kwargs):
        self._start("on_tool_start", serialized, run_id, parent_run_id, kwargs, input_str=summ(input_str, self.ids))

    def on_retriever_start(self, serialized, query, *, run_id, parent_run_id=None, **kwargs):
        self._start("on_retriever_start", serialized, run_id, parent_run_id, kwargs, query=summ(query, self.ids))

    # llm ----------------------------------------------------------------
    def on_llm_new_token(self, token, *, chunk=None, run_id, parent_run_id=None, **kwargs):
        self._rec("on_llm_new_token", run_id, parent_run_id, kwargs,
                  token=summ(token, self.ids), chunk=summ(chunk, self.ids))

    def on_llm_end(self, response, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_llm_end", run_id, parent_run_id, kwargs, response=summ(response, self.ids))

    def on_llm_error(self, error, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_llm_error", run_id, parent_run_id, kwargs, error=summ(error, self.ids))

    def on_stream_event(self, event, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_stream_event", run_id, parent_run_id, kwargs, stream_event=summ(event, self.ids))

    # chain / tool / retriever ends -----------------------------------------
    def on_chain_end(self, outputs, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_chain_end", run_id, parent_run_id, kwargs, outputs=summ(outputs, self.ids))

    def on_chain_error(self, error, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_chain_error", run_id, parent_run_id, kwargs, error=summ(error, self.ids))

    def on_agent_action(self, action, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_agent_action", run_id, parent_run_id, kwargs, action=summ(action, self.ids))

    def on_agent_finish(self, finish, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_agent_finish", run_id, parent_run_id, kwargs, finish=summ(finish, self.ids))

    def on_tool_end(self, output, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_tool_end", run_id, parent_run_id, kwargs, output=summ(output, self.ids))

    def on_tool_error(self, error, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_tool_error", run_id, parent_run_id, kwargs, error=summ(error, self.ids))

    def on_retriever_end(self, documents, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_retriever_end", run_id, parent_run_id, kwargs, documents=summ(documents, self.ids))

    def on_retriever_error(self, error, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_retriever_error", run_id, parent_run_id, kwargs, error=summ(error, self.ids))

    def on_text(self, text, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_text", run_id, parent_run_id, kwargs, text=summ(text, self.ids))

    def on_retry(self, retry_state, *, run_id, parent_run_id=None, **kwargs):
        self._rec("on_retry", run_id, parent_run_id, kwargs, retry_state=repr(retry_state))

    def on_custom_event(self, name, data, *, run_id, **kwargs):
        self._rec("on_custom_event", run_id, None, kwargs, custom_name=name, data=summ(data, self.ids))


# --------------------------------------------------------------------------
# the fake tool-calling model
# --------------------------------------------------------------------------
class GenericFakeChatModel(fake_chat_models.GenericFakeChatModel):
    """langchain-core's GenericFakeChatModel that can call tools, under the same name.

    ``bind_tools`` returns the model itself (the answers are scripted). ``_stream``
    yields the content split like GenericFakeChatModel (``re.split(r"(\\s)")``), then,
    if the scripted answer has tool calls, one AIMessageChunk with ``tool_call_chunks``
    (arguments as JSON text, as a provider streams them).
    """

    def bind_tools(self, tools: Any, **kwargs: Any) -> GenericFakeChatModel:  # noqa: ARG002
        return self

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):  # noqa: ANN001, ANN202
        message = self._generate(messages, stop=stop, run_manager=run_manager, **kwargs).generations[0].message
        calls = getattr(message, "tool_calls", None) or []
        parts = re.split(r"(\s)", message.content) if message.content else []
        for index, token in enumerate(parts):
            last = index == len(parts) - 1 and not calls
            chunk = ChatGenerationChunk(message=AIMessageChunk(
                content=token, id=message.id, chunk_position="last" if last else None))
            if run_manager:
                run_manager.on_llm_new_token(token, chunk=chunk)
            yield chunk
        if calls:
            chunk = ChatGenerationChunk(message=AIMessageChunk(
                content="", id=message.id, chunk_position="last",
                tool_call_chunks=[{"name": c["name"], "args": json.dumps(c["args"]), "id": c["id"], "index": i}
                                  for i, c in enumerate(calls)]))
            if run_manager:
                run_manager.on_llm_new_token("", chunk=chunk)
            yield chunk


def call(name: str, call_id: str, **args: Any) -> dict[str, Any]:
    return {"name": name, "args": args, "id": call_id, "type": "tool_call"}


def scripted(*answers: AIMessage) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter(answers))


def always_calling() -> GenericFakeChatModel:
    """A model that calls get_weather on every step (for the step limit)."""
    answers = (AIMessage(content="Checking again.", tool_calls=[call("get_weather", f"call_{n}", city="Paris")])
               for n in itertools.count(1))
    return GenericFakeChatModel(messages=answers)


# --------------------------------------------------------------------------
# tools
# --------------------------------------------------------------------------
_OPS: dict[type, Callable[..., Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.Pow: operator.pow, ast.USub: operator.neg, ast.UAdd: operator.pos,
}


def evaluate(node: ast.AST) -> float:
    if isinstance(node, ast.Expression):
        return evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](evaluate(node.left), evaluate(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](evaluate(node.operand))
    msg = f"unsupported expression: {ast.dump(node)}"
    raise ValueError(msg)


@tool
def get_weather(city: str) -> str:
    """Current weather for a city."""
    return f"It is sunny in {city}."


@tool
def calculator(expression: str) -> str:
    """Evaluate an arithmetic expression such as 2 + 3."""
    value = evaluate(ast.parse(expression, mode="eval"))
    return str(int(value) if float(value).is_integer() else value)


@tool
def get_stock_price(symbol: str) -> str:
    """The latest price of a stock."""
    msg = f"Unknown stock symbol: {symbol}"
    raise ToolException(msg)


get_stock_price.handle_tool_error = True


@tool
def fetch_news(topic: str) -> str:
    """Today's headlines on a topic."""
    msg = f"news service unavailable for {topic!r}"
    raise ValueError(msg)


# --------------------------------------------------------------------------
# cases: base name -> (builder, input, config_extra, modes)
# builders return a fresh agent each time (the fake model holds an iterator)
# --------------------------------------------------------------------------
def human(text: str) -> dict[str, Any]:
    return {"messages": [("human", text)]}


def b_one_tool() -> Any:
    model = scripted(
        AIMessage(content="Let me check.", tool_calls=[call("get_weather", "call_1", city="Paris")]),
        AIMessage(content="It is sunny in Paris."),
    )
    return create_agent(model, [get_weather, calculator], system_prompt=SYSTEM)


def b_parallel_tools() -> Any:
    model = scripted(
        AIMessage(content="Let me check.", tool_calls=[call("get_weather", "call_1", city="Paris"),
                                                       call("calculator", "call_2", expression="2 + 3")]),
        AIMessage(content="It is sunny in Paris, and 2 + 3 = 5."),
    )
    return create_agent(model, [get_weather, calculator], system_prompt=SYSTEM)


def b_sequential_steps() -> Any:
    model = scripted(
        AIMessage(content="First the weather.", tool_calls=[call("get_weather", "call_1", city="Paris")]),
        AIMessage(content="Now the sum.", tool_calls=[call("calculator", "call_2", expression="2 + 3")]),
        AIMessage(content="It is sunny in Paris, and 2 + 3 = 5."),
    )
    return create_agent(model, [get_weather, calculator], system_prompt=SYSTEM)


def b_handled_tool_error() -> Any:
    model = scripted(
        AIMessage(content="Let me look it up.", tool_calls=[call("get_stock_price", "call_1", symbol="XYZ")]),
        AIMessage(content="I could not find the stock XYZ."),
    )
    return create_agent(model, [get_stock_price], system_prompt=SYSTEM)


def b_unhandled_tool_error() -> Any:
    model = scripted(
        AIMessage(content="Let me look.", tool_calls=[call("fetch_news", "call_1", topic="cats")]),
        AIMessage(content="never reached"),
    )
    return create_agent(model, [fetch_news], system_prompt=SYSTEM)


def b_step_limit() -> Any:
    return create_agent(always_calling(), [get_weather], system_prompt=SYSTEM)


def b_named_agent() -> Any:
    model = scripted(
        AIMessage(content="Let me check.", tool_calls=[call("get_weather", "call_1", city="Paris")]),
        AIMessage(content="It is sunny in Paris."),
    )
    return create_agent(model, [get_weather], system_prompt=SYSTEM, name="weather_agent")


def b_react_agent() -> Any:
    from langgraph.prebuilt import create_react_agent

    model = scripted(
        AIMessage(content="Let me check.", tool_calls=[call("get_weather", "call_1", city="Paris")]),
        AIMessage(content="It is sunny in Paris."),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # create_react_agent is deprecated in favour of create_agent
        return create_react_agent(model, [get_weather, calculator], prompt=SYSTEM)


WEATHER = "What is the weather in Paris?"
BOTH = "Weather in Paris, and what is 2 + 3?"
BOTH_MODES = ("invoke", "stream")
CASES: dict[str, tuple[Callable[[], Any], Any, dict, tuple[str, ...]]] = {
    "agent_one_tool": (b_one_tool, human(WEATHER), {}, BOTH_MODES),
    "agent_parallel_tools": (b_parallel_tools, human(BOTH), {}, BOTH_MODES),
    "agent_sequential_steps": (b_sequential_steps, human(BOTH), {}, BOTH_MODES),
    "agent_handled_tool_error": (b_handled_tool_error, human("What is XYZ trading at?"), {}, BOTH_MODES),
    "agent_unhandled_tool_error": (b_unhandled_tool_error, human("Any news about cats?"), {}, BOTH_MODES),
    "agent_step_limit": (b_step_limit, human(WEATHER), {"recursion_limit": 5}, BOTH_MODES),
    "agent_named": (b_named_agent, human(WEATHER), {}, ("invoke",)),
    "react_agent_one_tool": (b_react_agent, human(WEATHER), {}, BOTH_MODES),
}


# --------------------------------------------------------------------------
def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")


def run_agent(agent: Any, inp: Any, mode: str, config: dict, ids: IdMap) -> tuple[list[dict], dict]:
    chunks: list[dict] = []
    result: dict[str, Any] = {"mode": mode}
    try:
        if mode == "stream":
            for i, item in enumerate(agent.stream(inp, stream_mode="messages", config=config)):
                chunks.append({"i": i, "chunk": summ(item, ids)})
            result["ok"] = True
        else:
            result["output"] = summ(agent.invoke(inp, config=config), ids)
            result["ok"] = True
    except Exception as e:  # noqa: BLE001
        result["ok"] = False
        result["raised"] = {"type": type(e).__name__, "module": type(e).__module__, "message": ids.sub(str(e))}
    return chunks, result


def root_outputs(events: list[dict]) -> Any:
    for e in reversed(events):
        if e["event"] in ("on_chain_end", "on_chain_error") and e["parent_run_id"] is None:
            return e.get("outputs", e.get("error"))
    return None


def run_case(name: str, builder: Callable[[], Any], inp: Any, cfg_extra: dict, mode: str) -> dict:
    ids = IdMap()
    rec = Recorder(ids)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), warnings.catch_warnings():
        warnings.simplefilter("always")
        chunks, result = run_agent(builder(), inp, mode, {"callbacks": [rec], **cfg_extra}, ids)
    if mode == "stream":
        result["streamed_items"] = len(chunks)
        result["root_run_result"] = root_outputs(rec.events)
        write_jsonl(OUT / f"{name}.stream_chunks.jsonl", chunks)
    if err.getvalue():
        result["stderr"] = ids.sub(err.getvalue())
    short = {k: result[k] for k in ("ok", "raised") if k in result}
    write_jsonl(OUT / f"{name}.events.jsonl", [*rec.events, {"__result__": short}])
    (OUT / f"{name}.result.json").write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str) + "\n")
    return {"case": name, "events": len(rec.events), "runs": len({e["run_id"] for e in rec.events}), **short}


def versions() -> dict[str, str]:
    out = {"python": sys.version.split()[0]}
    for package in PACKAGES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            out[package] = importlib.metadata.version(package)
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    only = sys.argv[1:]
    summary = []
    for base, (builder, inp, cfg_extra, modes) in CASES.items():
        for mode in modes:
            name = f"{base}.{mode}"
            if only and name not in only and base not in only:
                continue
            summary.append(run_case(name, builder, inp, cfg_extra, mode))
    (OUT / "_versions.json").write_text(json.dumps(versions(), indent=1) + "\n")
    for s in summary:
        print(json.dumps(s, default=str)[:300])


if __name__ == "__main__":
    main()
