"""A Python LangChain run, recorded by runscope_langchain and replayed by runscope,
shows the same tree as runscope's own run of the equivalent chain file.

Needs the built `runscope` binary (RUNSCOPE_BIN, default .build/debug/runscope)."""
from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("RUNSCOPE_BIN", str(ROOT / ".build" / "debug" / "runscope"))
EXAMPLES = ROOT / "integrations" / "python" / "examples"

# python example -> (chain file, mode)
CASES = {
    "joke.py": ("examples/joke.json", "stream"),
    "parallel.py": ("examples/parallel.json", "stream"),
    "failing.py": ("Tests/python/chains/failing.json", "invoke"),
    "stream_tokens.py": ("Tests/python/chains/stream_tokens.json", "stream"),
}


def runscope(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BIN, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def python_log(example: str, tmp: pathlib.Path) -> pathlib.Path:
    log = tmp / (example + ".jsonl")
    env = dict(os.environ, RUNSCOPE_TOKEN_DELAY="0")
    subprocess.run([sys.executable, str(EXAMPLES / example), str(log)], env=env, capture_output=True, timeout=120)
    assert log.stat().st_size > 0
    return log


def swift_log(chain: str, mode: str, tmp: pathlib.Path) -> pathlib.Path:
    log = tmp / (pathlib.Path(chain).stem + ".swift.jsonl")
    runscope("run", chain, "--no-tui", "--mode", mode, "--record", str(log))
    assert log.stat().st_size > 0
    return log


def tree(summary: str) -> list[str]:
    """The summary's runs as paths 'a > b > c | type | status | tokens', sorted (branch order may vary)."""
    rows = summary.strip().splitlines()[1:]
    stack: list[str] = []
    paths = []
    for row in rows:
        depth = (len(row) - len(row.lstrip(" "))) // 2
        cells = re.split(r"\s{2,}", row.strip())
        name, run_type, status, tokens = cells[0], cells[1], cells[2], cells[4]
        stack[depth:] = [name]
        paths.append(f"{' > '.join(stack)} | {run_type} | {status} | {tokens}")
    return sorted(paths)


def console_headers(console: str) -> list[str]:
    """`[kind/phase] [crumbs]` of each trace line, execution numbers removed."""
    headers = []
    for line in console.splitlines():
        match = re.match(r"^(\[[a-z]+/[a-z]+\]) \[([^\]]*)\]", line)
        if match:
            crumbs = re.sub(r"(^|> )\d+:", r"\1", match.group(2))
            headers.append(f"{match.group(1)} [{crumbs}]")
    return sorted(headers)


@pytest.mark.parametrize("example", sorted(CASES))
def test_replayed_python_run_matches_the_swift_run(example: str, tmp_path: pathlib.Path) -> None:
    chain, mode = CASES[example]
    py = runscope("replay", str(python_log(example, tmp_path)), "--no-tui", "--summary")
    sw = runscope("replay", str(swift_log(chain, mode, tmp_path)), "--no-tui", "--summary")
    assert py.returncode == sw.returncode, (py.stderr, sw.stderr)
    assert "skipped" not in py.stderr, py.stderr
    assert tree(py.stdout) == tree(sw.stdout)
    assert len(tree(py.stdout)) >= 4


@pytest.mark.parametrize("example", sorted(CASES))
def test_replayed_console_traces_match(example: str, tmp_path: pathlib.Path) -> None:
    chain, mode = CASES[example]
    py = runscope("replay", str(python_log(example, tmp_path)), "--no-tui", "--console")
    sw = runscope("replay", str(swift_log(chain, mode, tmp_path)), "--no-tui", "--console")
    assert console_headers(py.stdout) == console_headers(sw.stdout)
    assert len(console_headers(py.stdout)) >= 8


def test_a_python_app_piped_into_tail_is_read_live(tmp_path: pathlib.Path) -> None:
    app = subprocess.Popen([sys.executable, str(EXAMPLES / "joke.py")], stdout=subprocess.PIPE,
                           env=dict(os.environ, RUNSCOPE_TOKEN_DELAY="0"))
    tail = subprocess.run([BIN, "tail", "-", "--no-tui", "--summary"], stdin=app.stdout, capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    app.wait(timeout=60)
    assert tail.returncode == 0, tail.stderr
    rows = tree(tail.stdout)
    assert any(row.startswith("RunnableSequence > GenericFakeChatModel | chat_model | succeeded |") for row in rows), rows
