"""Agents recorded from Python replay like runscope's own agent.

Real ``create_agent`` and ``create_react_agent`` agents (integrations/python/examples/
agent.py and react_agent.py, on the fake tool-calling model of agent_fakes.py) write
their runs through runscope_langchain; ``runscope replay LOG --no-tui --summary`` of
those logs must show:

- the tree LangGraph itself recorded (Tests/RunscopeCoreTests/Fixtures/langgraph);
- the tree of runscope's agent on the equivalent chain file (Tests/python/chains/agent_*.json),
  and runscope's own event log must have the same runs, tags, tokens and ``langgraph_*``
  metadata as the Python log.

Needs the built `runscope` binary (RUNSCOPE_BIN, default .build/debug/runscope).
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
from typing import Any, Dict, List, Tuple

import pytest

pytest.importorskip("langgraph")

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from test_agent_handler import FIXTURES, fixture_shapes, log_shapes, per_run  # noqa: E402
from test_replay_equivalence import BIN, EXAMPLES, ROOT, runscope, tree  # noqa: E402
from test_runscope_handler import parse_log  # noqa: E402

MODES = ("invoke", "stream")
CASES = ("one_tool", "parallel_tools", "sequential_steps", "handled_tool_error", "unhandled_tool_error",
         "unknown_tool", "step_limit", "named", "tour")
# (invalid_args, arguments the tool's schema rejects, is only compared with LangGraph's tree:
# whether runscope's agent validates arguments is its own choice)
# cases with several tool calls in one step: their runs interleave, so they are compared per run
CONCURRENT = {"parallel_tools", "tour"}
# fixture of each (example, case, mode) LangGraph recorded
FIXTURE = {
    **{("agent.py", case, mode): f"agent_{case}.{mode}" for case in (*CASES, "invalid_args") for mode in MODES},
    ("react_agent.py", "one_tool", "invoke"): "react_agent_one_tool.invoke",
    ("react_agent.py", "one_tool", "stream"): "react_agent_one_tool.stream",
}
FIXTURE.pop(("agent.py", "named", "stream"))


def python_log(example: str, case: str, mode: str, tmp: pathlib.Path) -> Tuple[pathlib.Path, int]:
    log = tmp / f"{example}.{case}.{mode}.jsonl"
    env = dict(os.environ, RUNSCOPE_TOKEN_DELAY="0")
    proc = subprocess.run([sys.executable, str(EXAMPLES / example), str(log), "--case", case, "--mode", mode],
                          env=env, capture_output=True, text=True, timeout=180)
    assert log.stat().st_size > 0, proc.stderr
    return log, proc.returncode


def swift_log(case: str, mode: str, tmp: pathlib.Path) -> Tuple[pathlib.Path, subprocess.CompletedProcess[str]]:
    log = tmp / f"agent_{case}.{mode}.swift.jsonl"
    proc = runscope("run", f"Tests/python/chains/agent_{case}.json", "--no-tui", "--mode", mode, "--record", str(log))
    assert log.exists() and log.stat().st_size > 0, proc.stderr
    return log, proc


# --------------------------------------------------------------------------- expected trees
def fixture_tree(name: str) -> List[str]:
    """The rows `tree()` makes of a summary, built from LangGraph's own recording.

    A handled tool error (a ToolMessage with status "error") is not a failure: its
    status is whatever replay shows for it, checked separately.
    """
    records = [json.loads(line) for line in (FIXTURES / f"{name}.events.jsonl").read_text().splitlines()]
    records = [r for r in records if "__result__" not in r]
    starts = {r["run_id"]: r for r in records if r["event"].endswith("_start")}
    tokens: Dict[str, int] = {}
    status: Dict[str, str] = {}
    for r in records:
        if r["event"] == "on_llm_new_token":
            # a token event without text (the fake model's tool-call chunk) is not counted as a token
            tokens[r["run_id"]] = tokens.get(r["run_id"], 0) + (1 if r.get("token") else 0)
        elif r["event"].endswith("_error"):
            status[r["run_id"]] = "failed"
        elif r["event"].endswith("_end"):
            handled = isinstance(r.get("output"), dict) and r["output"].get("status") == "error"
            status[r["run_id"]] = "*" if handled else "succeeded"

    def path(run: str) -> str:
        own = starts[run]["resolved_name"]
        parent = starts[run]["parent_run_id"]
        return own if parent is None else f"{path(parent)} > {own}"

    rows = []
    for run, start in starts.items():
        run_type = {"on_chat_model_start": "chat_model", "on_tool_start": "tool"}.get(start["event"], "chain")
        count = str(tokens.get(run, 0)) if run_type == "chat_model" else "-"
        rows.append(f"{path(run)} | {run_type} | {status[run]} | {count}")
    return sorted(rows)


def handled_as_star(rows: List[str], expected: List[str]) -> List[str]:
    """Replayed rows with the status of a handled tool error shown as `*` (any status but failed)."""
    starred = {tuple(e.split(" | ")[:2]) for e in expected if e.split(" | ")[2] == "*"}
    out = []
    for row in rows:
        cells = row.split(" | ")
        if tuple(cells[:2]) in starred and cells[2] != "failed":
            cells[2] = "*"
        out.append(" | ".join(cells))
    return sorted(out)


# --------------------------------------------------------------------------- tests
@pytest.mark.parametrize(("example", "case", "mode"), sorted(FIXTURE))
def test_replayed_python_agent_shows_langgraph_tree(example: str, case: str, mode: str, tmp_path: pathlib.Path) -> None:
    log, _ = python_log(example, case, mode, tmp_path)
    replay = runscope("replay", str(log), "--no-tui", "--summary")
    assert "skipped" not in replay.stderr, replay.stderr
    expected = fixture_tree(FIXTURE[(example, case, mode)])
    rows = handled_as_star(tree(replay.stdout), expected)
    assert rows == expected
    assert len(rows) >= 5


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES)
def test_replayed_python_agent_matches_the_swift_agent(case: str, mode: str, tmp_path: pathlib.Path) -> None:
    py_log, py_status = python_log("agent.py", case, mode, tmp_path)
    sw_log, sw_run = swift_log(case, mode, tmp_path)
    assert (py_status == 0) == (sw_run.returncode == 0), sw_run.stderr
    py = runscope("replay", str(py_log), "--no-tui", "--summary")
    sw = runscope("replay", str(sw_log), "--no-tui", "--summary")
    assert py.returncode == sw.returncode, (py.stderr, sw.stderr)
    assert "skipped" not in py.stderr, py.stderr
    assert tree(py.stdout) == tree(sw.stdout)
    assert len(tree(py.stdout)) >= 5


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES)
def test_swift_agent_log_has_the_python_runs_tags_tokens_and_metadata(case: str, mode: str, tmp_path: pathlib.Path) -> None:
    py_log, _ = python_log("agent.py", case, mode, tmp_path)
    sw_log, _ = swift_log(case, mode, tmp_path)
    py, sw = log_shapes(parse_log(py_log.read_text())), log_shapes(parse_log(sw_log.read_text()))
    # runscope sends no token event for a chunk without text (the fake model's tool-call
    # chunk): docs/langchain-differences.md
    py = [s for s in py if not (s[0] == "on_llm_new_token" and s[7] == "")]
    if case in CONCURRENT:
        assert per_run(sw) == per_run(py)
    else:
        assert sw == py


def react_projection(summary: str) -> List[str]:
    """A create_react_agent tree read as create_agent's: `agent` is `model`, and its
    plumbing runs (call_model, the prompt | model sequence, Prompt, should_continue) are
    dropped, their model run moved up to the node."""
    plumbing = {"call_model", "RunnableSequence", "Prompt", "should_continue"}
    rows = []
    for row in tree(summary):
        path, *cells = row.split(" | ")
        names = [("model" if i == 1 and n == "agent" else n) for i, n in enumerate(path.split(" > "))]
        if names[-1] in plumbing:
            continue
        rows.append(" | ".join([" > ".join(n for n in names if n not in plumbing), *cells]))
    return sorted(rows)


@pytest.mark.parametrize("mode", MODES)
def test_replayed_react_agent_runs_the_swift_agent_loop(mode: str, tmp_path: pathlib.Path) -> None:
    py_log, _ = python_log("react_agent.py", "one_tool", mode, tmp_path)
    sw_log, _ = swift_log("one_tool", mode, tmp_path)
    py = runscope("replay", str(py_log), "--no-tui", "--summary")
    sw = runscope("replay", str(sw_log), "--no-tui", "--summary")
    assert react_projection(py.stdout) == tree(sw.stdout)
    assert any(row.startswith("LangGraph > model > GenericFakeChatModel | chat_model") for row in tree(sw.stdout))


@pytest.mark.parametrize("mode", MODES)
def test_a_replayed_interrupt_is_paused_not_failed(mode: str, tmp_path: pathlib.Path) -> None:
    """GraphInterrupt ends the tool and tools node runs with an error: runscope shows them
    as paused, never as failures (issue 9); the resumed graph then succeeds."""
    log, status = python_log("agent.py", "interrupt", mode, tmp_path)
    assert status == 0
    replay = runscope("replay", str(log), "--no-tui", "--summary")
    rows = tree(replay.stdout)
    asked = [row.split(" | ")[2] for row in rows if row.startswith("LangGraph > tools > ask_human | ")]
    assert len(asked) == 2 and asked.count("succeeded") == 1, rows  # paused, then resumed
    assert not [row for row in rows if " | failed | " in row], rows


def test_the_runscope_binary_exists() -> None:
    assert pathlib.Path(BIN).exists(), f"build runscope first (swift build); looked for {BIN} in {ROOT}"
