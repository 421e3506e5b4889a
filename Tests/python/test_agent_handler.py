"""runscope_langchain records LangGraph agents faithfully.

Real ``create_agent`` / ``create_react_agent`` agents (integrations/python/examples/agent.py,
react_agent.py, on the fake tool-calling model of agent_fakes.py) run through the
handler, and their logs are compared with what a plain recording handler saw of the same
agents (Tests/RunscopeCoreTests/Fixtures/langgraph, made by scripts/make_agent_traces.py):
the same runs, names, run types, tags, tokens and ``langgraph_*`` metadata, in order.

Run:  pip install ./integrations/python langchain langgraph pytest && python -m pytest Tests/python -q
"""

from __future__ import annotations

import asyncio
import io
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

pytest.importorskip("langgraph")

from langchain.agents import create_agent  # noqa: E402
from langchain_core.messages import ToolMessage  # noqa: E402
from langchain_core.tools import tool  # noqa: E402
from langgraph.types import Command  # noqa: E402

from runscope_langchain import AsyncRunscopeCallbackHandler, RunscopeCallbackHandler  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "RunscopeCoreTests" / "Fixtures" / "langgraph"
sys.path.insert(0, str(ROOT / "integrations" / "python" / "examples"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import agent  # noqa: E402
import agent_fakes  # noqa: E402
import react_agent  # noqa: E402
from test_runscope_handler import check_line, check_log, parse_log  # noqa: E402

GRAPH_KEYS = ("langgraph_step", "langgraph_node", "langgraph_triggers", "langgraph_path", "lc_agent_name")
# fixture -> (example module, case, mode); every fixture with its Python example
CASES = {
    f"{fixture}.{mode}": (module, case, mode)
    for fixture, (module, case, modes) in {
        "agent_one_tool": (agent, "one_tool", ("invoke", "stream")),
        "agent_parallel_tools": (agent, "parallel_tools", ("invoke", "stream")),
        "agent_sequential_steps": (agent, "sequential_steps", ("invoke", "stream")),
        "agent_handled_tool_error": (agent, "handled_tool_error", ("invoke", "stream")),
        "agent_unhandled_tool_error": (agent, "unhandled_tool_error", ("invoke", "stream")),
        "agent_unknown_tool": (agent, "unknown_tool", ("invoke", "stream")),
        "agent_invalid_args": (agent, "invalid_args", ("invoke", "stream")),
        "agent_step_limit": (agent, "step_limit", ("invoke", "stream")),
        "agent_named": (agent, "named", ("invoke",)),
        "agent_tour": (agent, "tour", ("invoke", "stream")),
        "react_agent_one_tool": (react_agent, "one_tool", ("invoke", "stream")),
    }.items()
    for mode in modes
}
# Parallel tool calls run on a thread pool: their runs interleave differently every time.
CONCURRENT = {"agent_parallel_tools.invoke", "agent_parallel_tools.stream", "agent_tour.invoke", "agent_tour.stream"}


# --------------------------------------------------------------------------- shapes
class Ids:
    """Run ids renamed r1, r2, ... in order of first appearance."""

    def __init__(self) -> None:
        self.names: Dict[Any, str] = {}

    def __call__(self, run_id: Any) -> Optional[str]:
        if run_id is None:
            return None
        return self.names.setdefault(run_id, f"r{len(self.names) + 1}")


def graph_metadata(metadata: Dict[str, Any]) -> Tuple[Any, ...]:
    """The langgraph_* metadata without task ids: the checkpoint namespace's node only."""
    namespace = metadata.get("langgraph_checkpoint_ns")
    node = namespace.split(":")[0] if isinstance(namespace, str) else None
    return (*(json.dumps(metadata.get(key)) for key in GRAPH_KEYS), node)


def fixture_run_type(record: Dict[str, Any]) -> str:
    kinds = {"on_chat_model_start": "chat_model", "on_llm_start": "llm", "on_tool_start": "tool",
             "on_retriever_start": "retriever"}
    return kinds.get(record["event"]) or record.get("run_type_kwarg") or "chain"


def shape(event: str, run: Any, parent: Any, name: Any, run_type: Any, tags: List[str], metadata: Any,
          token: Any) -> Tuple[Any, ...]:
    start = event.endswith("_start")
    return (event, run, parent, name if start else None, run_type if start else None, tuple(tags),
            graph_metadata(metadata) if start else None, token if event == "on_llm_new_token" else None)


def fixture_shapes(name: str) -> List[Tuple[Any, ...]]:
    ids = Ids()
    records = [json.loads(line) for line in (FIXTURES / f"{name}.events.jsonl").read_text().splitlines()]
    return [shape(r["event"], ids(r["run_id"]), ids(r["parent_run_id"]), r.get("resolved_name"), fixture_run_type(r),
                  r.get("tags", []), r.get("metadata"), r.get("token"))
            for r in records if "__result__" not in r]


def log_shapes(events: List[Dict[str, Any]]) -> List[Tuple[Any, ...]]:
    ids = Ids()
    return [shape(e["event"], ids(e["run_id"]), ids(e["parent_run_id"]), e["name"], e["run_type"], e["tags"],
                  e.get("metadata"), e.get("token")) for e in events]


def per_run(shapes: List[Tuple[Any, ...]]) -> Dict[str, List[Tuple[Any, ...]]]:
    """Events grouped by run, a run named by its path of (name, tags, metadata) from the root."""
    starts = {s[1]: s for s in shapes if s[0].endswith("_start")}

    def path(run: str) -> str:
        start = starts[run]
        own = json.dumps([start[3], start[5], start[6]])
        return own if start[2] is None else path(start[2]) + " > " + own

    groups: Dict[str, List[Tuple[Any, ...]]] = {}
    for s in shapes:
        groups.setdefault(path(s[1]), []).append((s[0], s[7]))
    return groups


# --------------------------------------------------------------------------- runs
def run_example(module: Any, case: str, mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Tuple[int, List[Dict[str, Any]]]:
    monkeypatch.setenv("RUNSCOPE_TOKEN_DELAY", "0")
    log = tmp_path / f"{case}.{mode}.jsonl"
    status = module.main([str(log), "--case", case, "--mode", mode])
    return status, parse_log(log.read_text())


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_agent_log_matches_langgraph(fixture: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module, case, mode = CASES[fixture]
    status, events = run_example(module, case, mode, tmp_path, monkeypatch)
    check_log(events)
    result = json.loads((FIXTURES / f"{fixture}.result.json").read_text())
    assert status == (0 if result["ok"] else 1)
    expected, actual = fixture_shapes(fixture), log_shapes(events)
    if fixture in CONCURRENT:
        assert per_run(actual) == per_run(expected)
    else:
        assert actual == expected
    assert len(actual) >= 10


def by_name(events: List[Dict[str, Any]], name: str) -> List[Dict[str, Any]]:
    return [e for e in events if e["name"] == name]


def test_tool_runs_carry_arguments_call_id_and_tool_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, events = run_example(agent, "parallel_tools", "invoke", tmp_path, monkeypatch)
    starts = {e["name"]: e for e in events if e["event"] == "on_tool_start"}
    assert starts["get_weather"]["input"] == "{'city': 'Paris'}"
    assert starts["get_weather"]["inputs"] == {"city": "Paris"}
    assert (starts["get_weather"]["tool_call_id"], starts["calculator"]["tool_call_id"]) == ("call_1", "call_2")
    assert starts["calculator"]["metadata"]["langgraph_path"] == ["__pregel_push", 1, False]
    end = next(e for e in by_name(events, "calculator") if e["event"] == "on_tool_end")
    assert end["output"]["id"][-1] == "ToolMessage"
    assert end["output"]["kwargs"] == {"content": "5", "type": "tool", "name": "calculator",
                                       "tool_call_id": "call_2", "status": "success"}


def test_a_handled_tool_error_is_a_tool_message_with_status_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, events = run_example(agent, "handled_tool_error", "stream", tmp_path, monkeypatch)
    tool_events = [e["event"] for e in by_name(events, "get_stock_price")]
    assert tool_events == ["on_tool_start", "on_tool_end"]
    output = by_name(events, "get_stock_price")[-1]["output"]["kwargs"]
    assert (output["status"], output["content"]) == ("error", "Unknown stock symbol: XYZ")
    assert not [e for e in events if e["event"].endswith("_error")]


def test_an_unhandled_tool_error_fails_the_tool_node_and_agent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, events = run_example(agent, "unhandled_tool_error", "invoke", tmp_path, monkeypatch)
    errors = [(e["event"], e["name"], e["error"]["type"]) for e in events if e["event"].endswith("_error")]
    assert errors == [("on_tool_error", "fetch_news", "ValueError"), ("on_chain_error", "tools", "ValueError"),
                      ("on_chain_error", "LangGraph", "ValueError")]
    assert events[-1]["error"]["message"] == "news service unavailable for 'cats'"


def test_the_step_limit_fails_only_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, events = run_example(agent, "step_limit", "invoke", tmp_path, monkeypatch)
    errors = [e for e in events if e["event"].endswith("_error")]
    assert [(e["name"], e["parent_run_id"], e["error"]["type"]) for e in errors] == [("LangGraph", None, "GraphRecursionError")]
    assert errors[0]["error"]["message"].startswith("Recursion limit of 5 reached without hitting a stop condition.")
    steps = [e["metadata"]["langgraph_step"] for e in events if e["event"] == "on_chain_start" and e["parent_run_id"] == events[0]["run_id"]]
    assert steps == [1, 2, 3, 4, 5]


def test_model_node_outputs_a_command_as_not_implemented(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, events = run_example(agent, "one_tool", "invoke", tmp_path, monkeypatch)
    ends = [e for e in events if e["event"] == "on_chain_end" and e["name"] == "model"]
    assert len(ends) == 2
    for end in ends:
        [command] = end["outputs"]
        assert (command["type"], command["id"][-1]) == ("not_implemented", "Command")
        assert command["repr"].startswith("Command(update={'messages': [AIMessage(")


def test_a_tool_returning_a_command_or_non_json_values() -> None:
    """A tool may return a LangGraph Command, or an artifact that is not JSON: the log stays valid."""

    @tool
    def remember(city: str) -> Command:
        """Remember a city."""
        return Command(update={"messages": [ToolMessage(f"noted {city}", tool_call_id="call_1")]})

    @tool(response_format="content_and_artifact")
    def raw_bytes(city: str) -> Tuple[str, Any]:
        """Raw data about a city."""
        return f"{city}: 2 bytes", {"raw": b"\x00\x01", "ids": {1, 2}, "score": float("nan")}

    model = agent_fakes.GenericFakeChatModel(messages=iter([
        agent_fakes._ai("Noting.", agent_fakes.call("remember", "call_1", city="Paris"),
                        agent_fakes.call("raw_bytes", "call_2", city="Paris")),
        agent_fakes._ai("Done.")]))
    out = io.StringIO()
    with RunscopeCallbackHandler(out, raise_error=True) as handler:
        create_agent(model, [remember, raw_bytes]).invoke(agent_fakes.case_input("one_tool"), config={"callbacks": [handler]})
    events = parse_log(out.getvalue())
    check_log(events)
    ends = {e["name"]: e for e in events if e["event"] == "on_tool_end"}
    assert (ends["remember"]["output"]["type"], ends["remember"]["output"]["id"][-1]) == ("not_implemented", "Command")
    assert ends["raw_bytes"]["output"]["kwargs"]["content"] == "Paris: 2 bytes"
    assert "NaN" not in out.getvalue()


def test_an_interrupt_and_its_resume_are_logged_like_langgraph() -> None:
    """interrupt() in a tool: GraphInterrupt ends the tool and tools node runs, the graph
    ends normally; Command(resume=...) on the same thread runs the tools node again."""
    out = io.StringIO()
    with RunscopeCallbackHandler(out, raise_error=True) as handler:
        agent.run(agent.build_agent("interrupt"), "interrupt", "invoke", handler, 0)
    events = parse_log(out.getvalue())
    for event in events:
        check_line(event)
    assert log_shapes(events) == fixture_shapes("agent_interrupt.invoke")
    errors = [(e["event"], e["name"], e["error"]["type"]) for e in events if e["event"].endswith("_error")]
    assert errors == [("on_tool_error", "ask_human", "GraphInterrupt"), ("on_chain_error", "tools", "GraphInterrupt")]
    assert "Which city?" in next(e for e in events if e["event"] == "on_tool_error")["error"]["message"]


@pytest.mark.parametrize("case", ["sequential_steps", "parallel_tools"])
@pytest.mark.parametrize("mode", ["invoke", "stream"])
def test_async_handler_records_the_same_agent_runs(case: str, mode: str) -> None:
    async def run() -> List[Dict[str, Any]]:
        out = io.StringIO()
        graph = agent.build_agent(case)
        config = {"callbacks": [AsyncRunscopeCallbackHandler(out)]}
        if mode == "invoke":
            await graph.ainvoke(agent_fakes.case_input(case), config=config)
        else:
            async for _ in graph.astream(agent_fakes.case_input(case), stream_mode="messages", config=config):
                pass
        return parse_log(out.getvalue())

    events = asyncio.run(run())
    check_log(events)
    expected, actual = fixture_shapes(f"agent_{case}.{mode}"), log_shapes(events)
    if case == "parallel_tools":
        assert per_run(actual) == per_run(expected)
    else:
        assert actual == expected
