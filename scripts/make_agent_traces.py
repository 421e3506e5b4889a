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

The agents are create_agent (and create_react_agent) on the fake tool-calling
GenericFakeChatModel, tools and scripted answers of
integrations/python/examples/agent_fakes.py, so the Python handler tests script
the same runs. The style follows the langchain-core reference recorder
(make_traces.py): the same IdMap, summaries and Recorder. Nothing is tidied: runs
and their order are what LangGraph produced on this run (concurrent tool runs may
interleave differently on another run).
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import io
import json
import re
import sys
import uuid
import warnings
from pathlib import Path
from typing import Any, Callable

from langchain.agents import create_agent
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import BaseMessage
from langchain_core.outputs import LLMResult
from langgraph.types import Command, Send

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "integrations" / "python" / "examples"))
import agent_fakes as fakes  # noqa: E402

OUT = ROOT / "Tests" / "RunscopeCoreTests" / "Fixtures" / "langgraph"
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
MAXSTR = 300
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
# cases: the scripts of integrations/python/examples/agent_fakes.py (the model, tools
# and answers the Python handler tests and the example agents use too)
# --------------------------------------------------------------------------
def agent_builder(case: str, react: bool = False) -> Callable[[], Any]:
    def build() -> Any:
        model, tools = fakes.scripted_model(case), fakes.case_tools(case)
        if not react:
            return create_agent(model, tools, system_prompt=fakes.SYSTEM_PROMPT, **fakes.case_options(case))
        from langgraph.prebuilt import create_react_agent

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # create_react_agent is deprecated in favour of create_agent
            return create_react_agent(model, tools, prompt=fakes.SYSTEM_PROMPT, **fakes.case_options(case))

    return build


BOTH_MODES = ("invoke", "stream")
# fixture base name -> (script case, create_react_agent?, modes)
CASES: dict[str, tuple[str, bool, tuple[str, ...]]] = {
    "agent_one_tool": ("one_tool", False, BOTH_MODES),
    "agent_parallel_tools": ("parallel_tools", False, BOTH_MODES),
    "agent_sequential_steps": ("sequential_steps", False, BOTH_MODES),
    "agent_handled_tool_error": ("handled_tool_error", False, BOTH_MODES),
    "agent_unhandled_tool_error": ("unhandled_tool_error", False, BOTH_MODES),
    "agent_unknown_tool": ("unknown_tool", False, BOTH_MODES),
    "agent_invalid_args": ("invalid_args", False, BOTH_MODES),
    "agent_step_limit": ("step_limit", False, BOTH_MODES),
    "agent_named": ("named", False, ("invoke",)),
    "agent_tour": ("tour", False, BOTH_MODES),
    "react_agent_one_tool": ("one_tool", True, BOTH_MODES),
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


def run_case(name: str, case: str, react: bool, mode: str) -> dict:
    builder, inp, cfg_extra = agent_builder(case, react), fakes.case_input(case), fakes.CONFIG.get(case, {})
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


def run_interrupt_case(name: str) -> dict:
    """An agent whose tool calls interrupt(): the first invoke pauses, a second one
    (Command(resume="Paris") on the same thread) resumes it; both roots in one file."""
    ids = IdMap()
    rec = Recorder(ids)
    graph = agent_builder("interrupt")()
    config = {"callbacks": [rec], **fakes.CONFIG["interrupt"]}
    _, first = run_agent(graph, fakes.case_input("interrupt"), "invoke", config, ids)
    _, resumed = run_agent(graph, Command(resume=fakes.RESUME["interrupt"]), "invoke", config, ids)
    result = {"first": first, "resumed": resumed}
    short = {"ok": first["ok"] and resumed["ok"]}
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
    for base, (case, react, modes) in CASES.items():
        for mode in modes:
            name = f"{base}.{mode}"
            if only and name not in only and base not in only:
                continue
            summary.append(run_case(name, case, react, mode))
    if not only or "agent_interrupt.invoke" in only or "agent_interrupt" in only:
        summary.append(run_interrupt_case("agent_interrupt.invoke"))
    (OUT / "_versions.json").write_text(json.dumps(versions(), indent=1) + "\n")
    for s in summary:
        print(json.dumps(s, default=str)[:300])


if __name__ == "__main__":
    main()
