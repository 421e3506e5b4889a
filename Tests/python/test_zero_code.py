"""Zero-code tracing: `runscope exec -- python app.py` on a program with no runscope in it.

The package's .pth hook attaches the handler through LangChain's configure hook when
RUNSCOPE_EVENTS is set, and does nothing without it. Needs the built `runscope` binary
(RUNSCOPE_BIN, default .build/debug/runscope) for the exec tests.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys
import sysconfig
from typing import Dict, List

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from test_replay_equivalence import BIN, ROOT, tree  # noqa: E402

APP = ROOT / "Tests" / "python" / "apps" / "zero_code_app.py"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def clean_env(**extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "RUNSCOPE_EVENTS"}
    env.update(extra)
    return env


def explicit_log(tmp: pathlib.Path) -> pathlib.Path:
    """The same program run with an explicit RunscopeCallbackHandler."""
    log = tmp / "explicit.jsonl"
    code = (f"import sys; sys.path.insert(0, {str(APP.parent)!r}); import zero_code_app; "
            f"from runscope_langchain import RunscopeCallbackHandler as H; h = H({str(log)!r}, mode='w'); "
            "zero_code_app.main([h]); h.close()")
    subprocess.run([sys.executable, "-c", code], env=clean_env(), check=True, capture_output=True, timeout=120)
    return log


def normalized(path: pathlib.Path) -> List[dict]:
    """Each event without its time, every UUID replaced by the order it first appeared in."""
    ids: Dict[str, str] = {}
    events = []
    for line in path.read_text().splitlines():
        text = UUID.sub(lambda m: ids.setdefault(m.group(0), f"id{len(ids)}"), line)
        event = json.loads(text)
        event.pop("time", None)
        events.append(event)
    return events


def exec_runscope(*args: str, env: Dict[str, str] = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BIN, *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=env or clean_env(), stdin=subprocess.DEVNULL)


def test_the_pth_hook_is_installed_and_inert_without_the_variable() -> None:
    site = pathlib.Path(sysconfig.get_paths()["purelib"])
    assert (site / "runscope_langchain_autoload.pth").is_file()
    probe = ("import sys; from langchain_core.callbacks.manager import CallbackManager; "
             "from langchain_core.tracers.context import _configure_hooks; "
             "m = CallbackManager.configure(); "
             "print(len(m.handlers), 'runscope_langchain_autoload' in sys.modules, 'runscope_langchain' in sys.modules, "
             "any('runscope' in v.name for v, *_ in _configure_hooks))")
    out = subprocess.run([sys.executable, "-c", probe], env=clean_env(), capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["0", "False", "False", "False"], out.stderr
    with_var = subprocess.run([sys.executable, "-c", probe], env=clean_env(RUNSCOPE_EVENTS=os.devnull),
                              capture_output=True, text=True, timeout=60)
    assert with_var.stdout.split() == ["1", "True", "True", "True"], with_var.stderr


def test_the_variable_alone_writes_what_the_explicit_handler_writes(tmp_path: pathlib.Path) -> None:
    log = tmp_path / "zero.jsonl"
    run = subprocess.run([sys.executable, str(APP)], env=clean_env(RUNSCOPE_EVENTS=str(log)),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "streamed: Why don't bears" in run.stdout and "{" not in run.stdout
    events = normalized(log)
    assert events[0]["event"] == "runscope_hello"
    assert events[1:] == normalized(explicit_log(tmp_path))


def test_exec_shows_the_trees_of_the_explicit_handler_and_passes_stdout(tmp_path: pathlib.Path) -> None:
    events = tmp_path / "events.jsonl"
    run = exec_runscope("exec", "--no-tui", "--summary", "--events", str(events), "--", sys.executable, str(APP))
    assert run.returncode == 0, run.stderr
    for line in ["streamed: Why don't bears wear shoes?", "thread: Owls are a hoot.", "task: Cats rule the internet.",
                 "agent: It is sunny in Paris."]:
        assert line in run.stdout
    summary = run.stdout[run.stdout.index("run  "):]
    replayed = exec_runscope("replay", str(explicit_log(tmp_path)), "--no-tui", "--summary")
    assert tree(summary) == tree(replayed.stdout)
    assert sum(row.count(" > ") == 0 for row in tree(summary)) == 4  # three chains and the agent
    assert normalized(events) == normalized(explicit_log(tmp_path))


def test_options_before_dash_dash_and_child_processes_report(tmp_path: pathlib.Path) -> None:
    parent = f"import subprocess, sys; sys.exit(subprocess.run([sys.executable, {str(APP)!r}]).returncode)"
    run = exec_runscope("--no-tui", "--summary", "--", sys.executable, "-c", parent)
    assert run.returncode == 0, run.stderr
    summary = run.stdout[run.stdout.index("agent:"):]
    assert "RunnableSequence" in run.stdout and "LangGraph" in run.stdout, run.stdout
    assert summary.count("GenericFakeChatModel") >= 4


def test_runscope_dash_dash_exits_with_the_programs_status() -> None:
    run = exec_runscope("--", sys.executable, "-c", "print('bye'); raise SystemExit(7)")
    assert run.returncode == 7
    assert run.stdout == "bye\n"


def test_a_python_without_the_package_is_named_with_the_pip_command() -> None:
    run = exec_runscope("exec", "--no-tui", "--", sys.executable, "-S", "-c", "print('hi')")
    assert run.returncode == 2
    assert run.stdout == "hi\n"
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{sys.executable} -m pip install runscope-langchain" in lines[0], run.stderr


def test_a_command_that_cannot_start_is_named() -> None:
    run = exec_runscope("exec", "--no-tui", "--", "no-such-program-xyz", "arg")
    assert run.returncode == 127
    assert run.stderr.strip() == "runscope: cannot start 'no-such-program-xyz': command not found"
