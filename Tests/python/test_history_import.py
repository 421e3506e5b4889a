"""A Python LangChain app's log (runscope_langchain) imported into the history is
listed, shown and exported like runscope's own runs.

Needs the built `runscope` binary (RUNSCOPE_BIN, default .build/debug/runscope)."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("RUNSCOPE_BIN", str(ROOT / ".build" / "debug" / "runscope"))
EXAMPLES = ROOT / "integrations" / "python" / "examples"


def runscope(home: pathlib.Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, RUNSCOPE_HOME=str(home))
    return subprocess.run([BIN, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def python_log(example: str, tmp: pathlib.Path) -> pathlib.Path:
    log = tmp / (example + ".jsonl")
    env = dict(os.environ, RUNSCOPE_TOKEN_DELAY="0")
    subprocess.run([sys.executable, str(EXAMPLES / example), str(log)], env=env, capture_output=True, timeout=120)
    assert log.stat().st_size > 0
    return log


def test_a_python_log_is_imported_listed_shown_and_exported(tmp_path: pathlib.Path) -> None:
    home = tmp_path / "home"
    log = python_log("joke.py", tmp_path)
    imported = runscope(home, "import", str(log))
    assert imported.returncode == 0, imported.stderr
    assert "imported 1 trace" in imported.stderr
    traces = json.loads(runscope(home, "runs", "--json").stdout)
    assert len(traces) == 1
    assert traces[0]["status"] == "ok" and traces[0]["source"] == "import"
    assert traces[0]["runs"] >= 3 and traces[0]["tokens"] > 0
    shown = runscope(home, "show", "last", "--no-tui", "--summary")
    assert shown.returncode == 0 and "chat_model" in shown.stdout
    exported = runscope(home, "export", "last").stdout.splitlines()
    original = [line for line in log.read_text().splitlines() if line.strip()]
    assert exported == original


def test_a_failed_python_run_is_found_by_status_and_error_text(tmp_path: pathlib.Path) -> None:
    home = tmp_path / "home"
    runscope(home, "import", str(python_log("failing.py", tmp_path)))
    failed = json.loads(runscope(home, "runs", "--status", "failed", "--json").stdout)
    assert len(failed) == 1
    error_words = json.loads(runscope(home, "runs", "--search", "cannot post-process", "--json").stdout)
    assert [t["id"] for t in error_words] == [failed[0]["id"]]
