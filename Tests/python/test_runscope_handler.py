"""Tests for runscope_langchain: the event log (v1) written from real LangChain runs.

Run:  pip install ./integrations/python pytest && python -m pytest Tests/python -q
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import tenacity
from langchain_core.callbacks import CallbackManager, dispatch_custom_event
from langchain_core.documents import Document
from langchain_core.language_models.fake import FakeListLLM
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.prompts import PromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda
from langchain_core.tools import tool

import runscope_langchain
from runscope_langchain import AsyncRunscopeCallbackHandler, RunscopeCallbackHandler

EXAMPLES = Path(__file__).resolve().parents[2] / "integrations" / "python" / "examples"
sys.path.insert(0, str(EXAMPLES))

import failing  # noqa: E402
import joke  # noqa: E402
import parallel  # noqa: E402
import stream_tokens  # noqa: E402

TIME_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
COMMON = ["v", "event", "run_id", "parent_run_id", "name", "run_type", "tags", "time"]
RUN_TYPES = {"chain", "prompt", "parser", "llm", "chat_model", "tool", "retriever"}
# event -> (required payload fields, optional payload fields), from docs/event-log.md
PAYLOAD = {
    "on_chain_start": (["metadata", "inputs"], []),
    "on_chain_end": (["outputs"], ["inputs"]),
    "on_chain_error": (["error"], ["inputs"]),
    "on_llm_start": (["metadata", "prompts"], []),
    "on_chat_model_start": (["metadata", "messages"], []),
    "on_llm_new_token": (["token"], []),
    "on_llm_end": (["response"], []),
    "on_llm_error": (["error"], []),
    "on_tool_start": (["metadata", "input"], ["inputs", "tool_call_id"]),
    "on_tool_end": (["output"], []),
    "on_tool_error": (["error"], []),
    "on_retriever_start": (["metadata", "query"], []),
    "on_retriever_end": (["documents"], []),
    "on_retriever_error": (["error"], []),
    "on_text": (["text"], []),
    "on_retry": (["retry"], []),
    "on_custom_event": (["data"], []),
}
EVENT_RUN_TYPES = {
    "on_chain_": {"chain", "prompt", "parser"},
    "on_llm_start": {"llm"},
    "on_chat_model_start": {"chat_model"},
    "on_llm_": {"llm", "chat_model"},
    "on_tool_": {"tool"},
    "on_retriever_": {"retriever"},
}


# --------------------------------------------------------------------------- helpers
def parse_log(text: str) -> List[Dict[str, Any]]:
    """Every line must be one complete JSON object: interleaved writes would fail here."""
    assert text.endswith("\n"), "the log must end with a newline"
    lines = text.split("\n")[:-1]
    assert lines, "empty log"
    return [json.loads(line) for line in lines]


def check_line(ev: Dict[str, Any]) -> None:
    keys = list(ev)
    assert keys[: len(COMMON)] == COMMON, f"common fields missing or out of order: {keys}"
    assert ev["v"] == 1
    assert ev["event"] in PAYLOAD, ev["event"]
    assert isinstance(ev["run_id"], str) and UUID_RE.match(ev["run_id"]), ev["run_id"]
    assert ev["parent_run_id"] is None or UUID_RE.match(ev["parent_run_id"]), ev["parent_run_id"]
    assert isinstance(ev["name"], str) and ev["name"], ev
    assert ev["run_type"] in RUN_TYPES, ev["run_type"]
    assert isinstance(ev["tags"], list) and all(isinstance(t, str) for t in ev["tags"])
    assert isinstance(ev["time"], str) and TIME_RE.match(ev["time"]), ev["time"]
    required, optional = PAYLOAD[ev["event"]]
    rest = keys[len(COMMON):]
    assert rest[: len(required)] == required, f"{ev['event']}: payload {rest}, expected {required}"
    assert set(rest[len(required):]) <= set(optional), f"{ev['event']}: unexpected fields {rest}"
    if "metadata" in ev:
        assert isinstance(ev["metadata"], dict)
    if "error" in ev:
        assert set(ev["error"]) == {"type", "message"}
        assert all(isinstance(v, str) for v in ev["error"].values())
    if ev["event"] == "on_llm_new_token":
        assert isinstance(ev["token"], str)
    if ev["event"] == "on_chat_model_start":
        assert all(isinstance(batch, list) for batch in ev["messages"])
        for message in (m for batch in ev["messages"] for m in batch):
            assert message["lc"] == 1 and message["type"] == "constructor", message
    if ev["event"] == "on_llm_start":
        assert all(isinstance(p, str) for p in ev["prompts"])
    if ev["event"] == "on_llm_end":
        assert isinstance(ev["response"]["generations"], list)
    for prefix, allowed in EVENT_RUN_TYPES.items():
        if ev["event"].startswith(prefix):
            assert ev["run_type"] in allowed, (ev["event"], ev["run_type"])
            break


def check_log(events: List[Dict[str, Any]]) -> None:
    """Field checks on every line, plus the run tree: starts first, known parents."""
    started: Dict[str, int] = {}
    ended: set = set()
    for i, ev in enumerate(events):
        check_line(ev)
        rid = ev["run_id"]
        if ev["event"].endswith("_start"):
            assert rid not in started, f"run {rid} started twice"
            started[rid] = i
            parent = ev["parent_run_id"]
            if parent is not None:
                assert parent in started, f"line {i}: parent {parent} has no earlier start line"
                assert parent not in ended, f"line {i}: parent {parent} already ended"
        else:
            assert rid in started, f"line {i}: {ev['event']} for run {rid} before its start line"
            assert rid not in ended, f"line {i}: {ev['event']} after the run ended"
            if ev["event"] != "on_custom_event":
                start = events[started[rid]]
                assert ev["parent_run_id"] == start["parent_run_id"]
                assert (ev["name"], ev["run_type"]) == (start["name"], start["run_type"])
        if ev["event"].endswith(("_end", "_error")):
            ended.add(rid)
    assert set(started) == ended, "every started run must end"
    roots = [ev for ev in events if ev["event"].endswith("_start") and ev["parent_run_id"] is None]
    assert len(roots) == 1, "one root run"


def run_example(name: str, tmp_path: Path, *args: str, env: Optional[Dict[str, str]] = None,
                expect_rc: int = 0) -> List[Dict[str, Any]]:
    out = tmp_path / f"{name}.jsonl"
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / f"{name}.py"), str(out), *args],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "RUNSCOPE_TOKEN_DELAY": "0", **(env or {})},
    )
    assert proc.returncode == expect_rc, proc.stderr
    assert proc.stdout == "", "with a path, nothing but the log file is written"
    events = parse_log(out.read_text(encoding="utf-8"))
    check_log(events)
    return events


def shape(events: List[Dict[str, Any]]) -> List[tuple]:
    """(event, name, run_type, tags, parent as index of first appearance) per line."""
    order: Dict[str, int] = {}
    for ev in events:
        order.setdefault(ev["run_id"], len(order))
    return [
        (ev["event"], ev["name"], ev["run_type"], tuple(ev["tags"]),
         None if ev["parent_run_id"] is None else order[ev["parent_run_id"]])
        for ev in events
    ]


def tokens_of(events: List[Dict[str, Any]], run_id: Optional[str] = None) -> List[str]:
    return [ev["token"] for ev in events
            if ev["event"] == "on_llm_new_token" and (run_id is None or ev["run_id"] == run_id)]


def fake_tokens(text: str) -> List[str]:
    """How GenericFakeChatModel splits its content: words and single whitespace."""
    return [t for t in re.split(r"(\s)", text) if t]


# --------------------------------------------------------------------------- examples
def test_joke_matches_langchain_stream_order(tmp_path: Path) -> None:
    events = run_example("joke", tmp_path)
    n = len(fake_tokens(joke.ANSWER))
    token = ("on_llm_new_token", "GenericFakeChatModel", "chat_model", ("seq:step:2",), 0)
    expected = [
        ("on_chain_start", "RunnableSequence", "chain", (), None),
        ("on_chain_start", "ChatPromptTemplate", "prompt", ("seq:step:1",), 0),
        ("on_chain_end", "ChatPromptTemplate", "prompt", ("seq:step:1",), 0),
        ("on_chat_model_start", "GenericFakeChatModel", "chat_model", ("seq:step:2",), 0),
        token,
        ("on_chain_start", "StrOutputParser", "parser", ("seq:step:3",), 0),
        *[token] * (n - 1),
        ("on_llm_end", "GenericFakeChatModel", "chat_model", ("seq:step:2",), 0),
        ("on_chain_end", "StrOutputParser", "parser", ("seq:step:3",), 0),
        ("on_chain_end", "RunnableSequence", "chain", (), None),
    ]
    assert shape(events) == expected


def test_joke_payloads(tmp_path: Path) -> None:
    events = run_example("joke", tmp_path)
    assert "".join(tokens_of(events)) == joke.ANSWER
    assert tokens_of(events) == fake_tokens(joke.ANSWER)
    root_start, root_end = events[0], events[-1]
    # stream mode: the start carries the placeholder, the end the real input
    assert root_start["inputs"] == {"input": ""}
    assert root_end["inputs"] == joke.INPUT
    assert root_end["outputs"] == joke.ANSWER
    prompt_end = events[2]
    assert prompt_end["outputs"]["id"][-1] == "ChatPromptValue"
    assert prompt_end["outputs"]["type"] == "constructor"
    chat_start = events[3]
    assert [m["id"][-1] for m in chat_start["messages"][0]] == ["SystemMessage", "HumanMessage"]
    assert chat_start["messages"][0][1]["kwargs"]["content"] == "Tell me a joke about bears"
    assert chat_start["metadata"]["ls_model_type"] == "chat"
    llm_end = next(ev for ev in events if ev["event"] == "on_llm_end")
    generation = llm_end["response"]["generations"][0][0]
    assert generation["text"] == joke.ANSWER
    assert generation["message"]["lc"] == 1 and generation["message"]["id"][-1] == "AIMessageChunk"
    assert generation["message"]["kwargs"]["content"] == joke.ANSWER
    parser_end = events[-2]
    assert parser_end["inputs"]["id"][-1] == "AIMessageChunk"
    # run ids are LangChain's: the streamed message id embeds the chat model's run id
    # ("lc_run--<id>" in langchain-core 1.x, "run--<id>" in 0.3)
    assert generation["message"]["kwargs"]["id"].endswith(f"run--{chat_start['run_id']}")


def test_joke_to_stdout_by_default() -> None:
    proc = subprocess.run([sys.executable, str(EXAMPLES / "joke.py")], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    events = parse_log(proc.stdout)
    check_log(events)
    assert events[-1]["outputs"] == joke.ANSWER
    assert joke.ANSWER in proc.stderr


def test_times_are_current_utc(tmp_path: Path) -> None:
    before = datetime.now(timezone.utc)
    events = run_example("joke", tmp_path)
    after = datetime.now(timezone.utc)
    times = [datetime.strptime(ev["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc) for ev in events]
    assert times == sorted(times)
    assert before - timedelta(seconds=1) <= times[0] and times[-1] <= after + timedelta(seconds=1)


def test_parallel_branches(tmp_path: Path) -> None:
    events = run_example("parallel", tmp_path)
    root = events[0]
    assert (root["name"], root["run_type"], root["parent_run_id"]) == ("RunnableParallel<joke,poem>", "chain", None)
    branches = {tuple(ev["tags"]): ev for ev in events
                if ev["event"] == "on_chain_start" and ev["parent_run_id"] == root["run_id"]}
    assert set(branches) == {("map:key:joke",), ("map:key:poem",)}
    for key, answer in (("joke", parallel.JOKE), ("poem", parallel.POEM)):
        branch = branches[(f"map:key:{key}",)]
        assert branch["name"] == "RunnableSequence"
        children = [ev for ev in events if ev["event"].endswith("_start") and ev["parent_run_id"] == branch["run_id"]]
        # step tags stay on the direct child only
        assert [(c["name"], c["tags"]) for c in children] == [
            ("ChatPromptTemplate", ["seq:step:1"]),
            ("GenericFakeChatModel", ["seq:step:2"]),
            ("StrOutputParser", ["seq:step:3"]),
        ]
        model = children[1]
        assert "".join(tokens_of(events, model["run_id"])) == answer
        end = next(ev for ev in events if ev["event"] == "on_chain_end" and ev["run_id"] == branch["run_id"])
        assert end["tags"] == [f"map:key:{key}"] and end["outputs"] == answer
    assert events[-1]["outputs"] == {"joke": parallel.JOKE, "poem": parallel.POEM}


def test_failing_chain_errors_up_the_tree(tmp_path: Path) -> None:
    events = run_example("failing", tmp_path, expect_rc=1)
    errors = [ev for ev in events if ev["event"] == "on_chain_error"]
    assert [(ev["name"], ev["tags"]) for ev in errors] == [
        ("explode", ["seq:step:2"]),
        ("postprocess", ["seq:step:4"]),
        ("RunnableSequence", []),
    ]
    for ev in errors:
        assert ev["error"] == {"type": "ValueError", "message": "cannot post-process: Why don't bears wear"}
    # each error's run is the parent of the previous one: the step, then each ancestor
    assert errors[0]["parent_run_id"] == errors[1]["run_id"]
    assert errors[1]["parent_run_id"] == errors[2]["run_id"]
    assert errors[2]["parent_run_id"] is None and events[-1] is errors[-1]
    # invoke mode: no `inputs` on errors or ends
    assert all("inputs" not in ev for ev in events if ev["event"] in ("on_chain_error", "on_chain_end"))
    tidy_end = next(ev for ev in events if ev["event"] == "on_chain_end" and ev["name"] == "tidy")
    assert tidy_end["outputs"] == failing.ANSWER


def test_stream_tokens_async_example(tmp_path: Path) -> None:
    events = run_example("stream_tokens", tmp_path)
    assert "".join(tokens_of(events)) == stream_tokens.ANSWER
    kinds = [ev["event"] for ev in events]
    assert kinds.count("on_llm_new_token") == len(fake_tokens(stream_tokens.ANSWER))
    assert kinds.index("on_chat_model_start") < kinds.index("on_llm_new_token") < kinds.index("on_llm_end")
    assert events[-1]["outputs"] == stream_tokens.ANSWER


def test_lines_arrive_live_through_a_pipe() -> None:
    """`python app.py | runscope tail -`: each token line is readable as it happens.

    The example pauses 0.3 s between chunks. With a flush after every line the
    token lines reach the pipe one by one, 0.3 s apart; without it they would sit
    in stdout's block buffer and arrive together in one burst.
    """
    proc = subprocess.Popen(
        [sys.executable, str(EXAMPLES / "stream_tokens.py")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        # as a user runs it: stdout to a pipe is block-buffered unless we flush
        env={**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "RUNSCOPE_TOKEN_DELAY": "0.3"},
    )
    try:
        assert proc.stdout is not None
        arrivals = []
        first = None
        while len(arrivals) < 4:
            line = proc.stdout.readline()
            assert line, "the process ended before four token lines were read"
            event = json.loads(line)["event"]
            first = first or event
            if event == "on_llm_new_token":
                arrivals.append(time.monotonic())
        assert first == "on_chain_start"
        assert proc.poll() is None, "lines were only readable after the process exited"
        gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
        assert min(gaps) > 0.15, f"token lines arrived in a burst: gaps {gaps}"
    finally:
        proc.kill()
        proc.wait()


def test_the_whole_log_is_written_and_flushed_when_the_root_run_ends() -> None:
    """Lines are written in batches by the writer thread, and all of them, flushed, by the
    time the root run's call returns."""

    class Counting(io.StringIO):
        flushes = 0
        flushed = 0

        def flush(self) -> None:
            Counting.flushes += 1
            Counting.flushed = len(self.getvalue())
            super().flush()

    stream = Counting()
    joke.build_chain().invoke(joke.INPUT, config={"callbacks": [RunscopeCallbackHandler(stream)]})
    lines = stream.getvalue().count("\n")
    assert lines == 8 and 1 <= Counting.flushes < lines
    assert Counting.flushed == len(stream.getvalue())


# --------------------------------------------------------------------------- handler behaviour
def test_lines_never_interleave_under_threads() -> None:
    """A stream that yields the GIL between characters: without the lock, lines would mix."""

    class SlowStream(io.StringIO):
        def write(self, s: str) -> int:
            for ch in s:
                super().write(ch)
                time.sleep(0)
            return len(s)

    stream = SlowStream()
    handler = RunscopeCallbackHandler(stream)
    chain = parallel.build_chain
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: chain().invoke(parallel.INPUT, config={"callbacks": [handler]}), range(4)))
    assert all(r == {"joke": parallel.JOKE, "poem": parallel.POEM} for r in results)
    events = parse_log(stream.getvalue())
    roots = [ev for ev in events if ev["parent_run_id"] is None and ev["event"] == "on_chain_start"]
    assert len(roots) == 4
    for ev in events:
        check_line(ev)
    starts = {ev["run_id"] for ev in events if ev["event"].endswith("_start")}
    assert len(starts) == 4 * 9  # parallel + 2 x (sequence, prompt, model, parser)


def test_chat_model_start_is_not_the_llm_fallback() -> None:
    stream = io.StringIO()
    model = GenericFakeChatModel(messages=iter([AIMessage(content="hi there")]))
    model.invoke("hello", config={"callbacks": [RunscopeCallbackHandler(stream)]})
    events = parse_log(stream.getvalue())
    assert [ev["event"] for ev in events] == ["on_chat_model_start", "on_llm_end"]
    assert events[0]["run_type"] == "chat_model"
    assert events[0]["messages"][0][0]["id"][-1] == "HumanMessage"
    assert "prompts" not in events[0]


def test_legacy_llm_and_run_name(tmp_path: Path) -> None:
    path = tmp_path / "llm.jsonl"
    with RunscopeCallbackHandler(path) as handler:
        llm = FakeListLLM(responses=["ok"]).with_config(run_name="my_llm")
        chain = PromptTemplate.from_template("Say {word}") | llm
        assert chain.invoke({"word": "hi"}, config={"callbacks": [handler]}) == "ok"
    events = parse_log(path.read_text())
    check_log(events)
    llm_start = next(ev for ev in events if ev["event"] == "on_llm_start")
    assert (llm_start["name"], llm_start["run_type"], llm_start["prompts"]) == ("my_llm", "llm", ["Say hi"])
    llm_end = next(ev for ev in events if ev["event"] == "on_llm_end")
    assert llm_end["name"] == "my_llm"
    assert llm_end["response"]["generations"][0][0]["text"] == "ok"
    assert "message" not in llm_end["response"]["generations"][0][0]


class TinyRetriever(BaseRetriever):
    docs: List[Document]

    def _get_relevant_documents(self, query: str, *, run_manager: Any) -> List[Document]:
        if query == "boom":
            raise LookupError("index offline")
        return [d for d in self.docs if query in d.page_content]


@tool
def word_count(text: str) -> int:
    """Count the words in a text."""
    if not text:
        raise ValueError("empty text")
    return len(text.split())


def test_tool_retriever_text_custom_event() -> None:
    stream = io.StringIO()
    handler = RunscopeCallbackHandler(stream)
    retriever = TinyRetriever(docs=[Document(page_content="cats like boxes", metadata={"source": "a.txt"}),
                                    Document(page_content="dogs like walks")])

    def report(docs: List[Document]) -> Dict[str, str]:
        dispatch_custom_event("progress", {"pct": 50, "n": len(docs)})
        return {"text": " ".join(d.page_content for d in docs)}

    chain = retriever | RunnableLambda(report) | word_count
    assert chain.invoke("cats", config={"callbacks": [handler], "tags": ["t1"], "metadata": {"user": "u1"}}) == 3
    events = parse_log(stream.getvalue())
    check_log(events)
    by_event = {ev["event"]: ev for ev in events}

    r_start, r_end = by_event["on_retriever_start"], by_event["on_retriever_end"]
    assert (r_start["name"], r_start["run_type"], r_start["query"]) == ("TinyRetriever", "retriever", "cats")
    # LangChain re-adds config tags after the step tag (add_tags moves a repeated tag last)
    assert r_start["tags"] == ["seq:step:1", "t1"] and r_start["metadata"]["user"] == "u1"
    assert [d["id"][-1] for d in r_end["documents"]] == ["Document"]
    assert r_end["documents"][0]["kwargs"]["metadata"] == {"source": "a.txt"}

    custom = by_event["on_custom_event"]
    report_start = next(ev for ev in events if ev["event"] == "on_chain_start" and ev["name"] == "report")
    assert custom["name"] == "progress" and custom["data"] == {"pct": 50, "n": 1}
    assert custom["run_id"] == report_start["run_id"] and custom["parent_run_id"] is None
    assert "metadata" not in custom

    t_start, t_end = by_event["on_tool_start"], by_event["on_tool_end"]
    assert (t_start["name"], t_start["run_type"]) == ("word_count", "tool")
    assert t_start["input"] == str({"text": "cats like boxes"})
    assert t_start["inputs"] == {"text": "cats like boxes"}
    assert t_end["output"] == 3 and t_end["name"] == "word_count"

    # errors of tools and retrievers
    failures = ((word_count, "on_tool_error", "ValueError"), (retriever, "on_retriever_error", "LookupError"))
    for bad, event, kind in failures:
        stream = io.StringIO()
        with pytest.raises(Exception):  # noqa: B017, PT011
            bad.invoke({"text": ""} if bad is word_count else "boom",
                       config={"callbacks": [RunscopeCallbackHandler(stream)]})
        events = parse_log(stream.getvalue())
        check_log(events)
        assert events[-1]["event"] == event and events[-1]["error"]["type"] == kind

    # on_text, through LangChain's own run manager
    stream = io.StringIO()
    manager = CallbackManager([RunscopeCallbackHandler(stream)])
    run = manager.on_chain_start(None, {"q": 1}, name="legacy_chain")
    run.on_text("thinking...")
    run.on_chain_end({"a": 2})
    events = parse_log(stream.getvalue())
    check_log(events)
    assert [(ev["event"], ev["name"]) for ev in events] == [
        ("on_chain_start", "legacy_chain"), ("on_text", "legacy_chain"), ("on_chain_end", "legacy_chain")]
    assert events[1]["text"] == "thinking..." and events[1]["run_id"] == str(run.run_id)


def test_on_retry_from_tenacity_state() -> None:
    stream = io.StringIO()
    manager = CallbackManager([RunscopeCallbackHandler(stream)])
    run = manager.on_llm_start({"name": "FlakyLLM"}, ["hi"])[0]
    calls = {"n": 0}

    def flaky() -> str:
        calls["n"] += 1
        if calls["n"] < 3:
            raise ConnectionError(f"transient #{calls['n']}")
        return "ok"

    retrying = tenacity.Retrying(stop=tenacity.stop_after_attempt(3), wait=tenacity.wait_fixed(0.01),
                                 before_sleep=run.on_retry, reraise=True)
    assert retrying(flaky) == "ok"
    run.on_llm_error(TimeoutError("gave up anyway"))
    events = parse_log(stream.getvalue())
    check_log(events)
    retries = [ev for ev in events if ev["event"] == "on_retry"]
    assert [r["retry"] for r in retries] == [
        {"attempt": 1, "error": {"type": "ConnectionError", "message": "transient #1"}, "wait_s": 0.01},
        {"attempt": 2, "error": {"type": "ConnectionError", "message": "transient #2"}, "wait_s": 0.01},
    ]
    assert all((r["name"], r["run_type"]) == ("FlakyLLM", "llm") for r in retries)
    assert events[-1]["error"] == {"type": "TimeoutError", "message": "gave up anyway"}


def test_unserializable_values_never_raise() -> None:
    class Weird:
        def __repr__(self) -> str:
            raise RuntimeError("no repr for you")

    payload = {"nan": float("nan"), "set": {1}, "obj": Weird(), "id": uuid.UUID(int=1), 3: "int key",
               "nested": [{"lc": 1, "not": "langchain"}]}
    stream = io.StringIO()
    out = RunnableLambda(lambda _: payload).invoke(None, config={"callbacks": [RunscopeCallbackHandler(stream)]})
    assert out is payload
    events = parse_log(stream.getvalue())
    check_log(events)
    outputs = events[-1]["outputs"]
    assert outputs["nan"] is None
    assert outputs["set"]["type"] == "not_implemented" and outputs["set"]["repr"] == "{1}"
    assert outputs["obj"]["type"] == "not_implemented" and outputs["obj"]["id"][-1].endswith("Weird")
    assert outputs["id"]["repr"] == repr(uuid.UUID(int=1))
    assert outputs["3"] == "int key"
    assert json.dumps(outputs)  # strictly JSON (NaN would have failed allow_nan=False above)


def test_a_token_that_is_not_plain_json_is_still_written() -> None:
    """A non-string token is walked to plain JSON on the calling thread: the writer,
    which formats it later, must never meet a value it cannot write (it would lose the batch)."""
    stream = io.StringIO()
    handler = RunscopeCallbackHandler(stream)
    run = uuid.uuid4()
    handler.on_llm_new_token({"nan": float("nan"), 3: {1}}, run_id=run)
    handler.on_llm_new_token("after", run_id=run)
    handler.flush()
    tokens = [ev["token"] for ev in parse_log(stream.getvalue())]
    assert tokens[0]["nan"] is None and tokens[0]["3"]["type"] == "not_implemented"
    assert tokens[1] == "after"


def test_a_broken_target_never_breaks_the_chain(caplog: pytest.LogCaptureFixture) -> None:
    stream = io.StringIO()
    handler = RunscopeCallbackHandler(stream)
    stream.close()
    assert joke.build_chain().invoke(joke.INPUT, config={"callbacks": [handler]}) == joke.ANSWER
    assert any("event log closed" in r.getMessage() for r in caplog.records)

    strict = RunscopeCallbackHandler(io.StringIO(), raise_error=True)
    strict._stream.close()  # noqa: SLF001
    with pytest.raises(ValueError, match="closed file"):
        joke.build_chain().invoke(joke.INPUT, config={"callbacks": [strict]})


def test_targets_and_modes(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        RunscopeCallbackHandler(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        RunscopeCallbackHandler(tmp_path / "x.jsonl", mode="r")
    path = tmp_path / "runs.jsonl"
    for _ in range(2):  # append is the default: two runs share the file
        with RunscopeCallbackHandler(str(path)) as handler:
            joke.build_chain().invoke(joke.INPUT, config={"callbacks": [handler]})
    first = parse_log(path.read_text())
    assert sum(1 for ev in first if ev["parent_run_id"] is None and ev["event"] == "on_chain_start") == 2
    with RunscopeCallbackHandler(path, mode="w") as handler:
        joke.build_chain().invoke(joke.INPUT, config={"callbacks": [handler]})
    assert len(parse_log(path.read_text())) == len(first) // 2
    assert handler._stream.closed  # noqa: SLF001  (a path target is closed on exit)
    # a file object is never closed by the handler
    stream = io.StringIO()
    with RunscopeCallbackHandler(stream):
        pass
    assert not stream.closed


def test_async_handler_matches_sync_handler() -> None:
    async def run(handler: Any) -> str:
        parts = [c async for c in joke.build_chain().astream(joke.INPUT, config={"callbacks": [handler]})]
        return "".join(parts)

    sync_stream, async_stream = io.StringIO(), io.StringIO()
    assert asyncio.run(run(RunscopeCallbackHandler(sync_stream))) == joke.ANSWER
    assert asyncio.run(run(AsyncRunscopeCallbackHandler(async_stream))) == joke.ANSWER
    sync_events, async_events = parse_log(sync_stream.getvalue()), parse_log(async_stream.getvalue())
    check_log(sync_events)
    check_log(async_events)
    assert shape(sync_events) == shape(async_events)
    assert "".join(tokens_of(async_events)) == joke.ANSWER


def test_sync_handler_runs_inline_on_the_event_loop() -> None:
    threads = set()

    class Recording(RunscopeCallbackHandler):
        def _enqueue(self, line: str, finished: Any = None) -> None:
            threads.add(threading.get_ident())
            super()._enqueue(line, finished)

    async def run() -> int:
        handler = Recording(io.StringIO())
        await joke.build_chain().ainvoke(joke.INPUT, config={"callbacks": [handler]})
        return threading.get_ident()

    loop_thread = asyncio.run(run())
    assert threads == {loop_thread}
    assert RunscopeCallbackHandler.run_inline is True and AsyncRunscopeCallbackHandler.run_inline is True


def test_handler_state_is_released() -> None:
    handler = RunscopeCallbackHandler(io.StringIO())
    joke.build_chain().invoke(joke.INPUT, config={"callbacks": [handler]})
    assert handler._runs == {}  # noqa: SLF001


def test_package_metadata() -> None:
    assert runscope_langchain.__version__ == importlib.metadata.version("runscope-langchain")
    assert (Path(runscope_langchain.__file__).parent / "py.typed").is_file()
    requires = importlib.metadata.requires("runscope-langchain") or []
    assert any(r.replace(" ", "").startswith("langchain-core>=0.3") for r in requires)


def test_queued_lines_are_written_by_the_writer_thread_and_at_interpreter_exit(tmp_path: Path) -> None:
    """A token of a run still going reaches the file without close() (the writer thread
    flushes), and what is queued at exit is written (atexit)."""
    live = tmp_path / "live.jsonl"
    handler = RunscopeCallbackHandler(live)
    handler.on_llm_new_token("x", run_id=uuid.uuid4())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not live.read_text():
        time.sleep(0.001)
    assert json.loads(live.read_text())["token"] == "x"
    handler.close()

    at_exit = tmp_path / "exit.jsonl"
    code = ("import uuid, runscope_langchain.handler as h, runscope_langchain._writer as w; w.FLUSH_INTERVAL = 3600; "
            f"x = h.RunscopeCallbackHandler({str(at_exit)!r}); "
            "[x.on_llm_new_token(str(i), run_id=uuid.UUID(int=1)) for i in range(100)]")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert [json.loads(line)["token"] for line in at_exit.read_text().splitlines()] == [str(i) for i in range(100)]


def test_batched_token_lines_match_the_one_line_format(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer makes a batch's text with one format string: tokens of two runs
    interleaved, a run's parent and tags changing mid-stream, a second boundary, a clock
    that steps back, '%' and non-ASCII text, a non-string token and other lines between
    them all come out as the lines the one-line formatter would write."""
    from runscope_langchain import _writer

    stream = io.StringIO()
    handler = RunscopeCallbackHandler(stream)
    handler._writer.closed = True  # noqa: SLF001 - no writer thread: the test drains itself
    one, two, parent = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    handler.on_llm_start({"name": "first"}, ["p"], run_id=one, parent_run_id=parent, tags=["a"])
    handler.on_llm_start({"name": "second"}, ["p"], run_id=two, parent_run_id=parent, tags=["b"])
    base = 1764656000.0
    # (run, seconds after base): one's stretch crosses a second and steps back; two interleaves.
    plan = [(one, 0.999998), (one, 1.0), (one, 1.000001), (one, 0.5), (two, 0.75), (one, 2.25), (two, 2.5),
            (one, 2.75), (one, 3.0)]
    sent = []
    tags_one, tags_two = ["a"], ["b"]
    for index, (run, offset) in enumerate(plan):
        moment = base + offset
        monkeypatch.setattr("runscope_langchain.handler._now", lambda moment=moment: moment)
        # LangChain passes one tags list for all of a run's tokens: the writer's shortcut.
        tags, token = (tags_one, f"100% ü {index}") if run == one else (tags_two, "\n\"q\"")
        if index == 7:
            tags = ["changed"]
        handler.on_llm_new_token(token, run_id=run, parent_run_id=parent, tags=tags)
        sent.append((run, tags, token, moment))
        if index == 2:
            handler.on_text("between", run_id=one, parent_run_id=parent)
    handler.on_llm_new_token({"not": "a string"}, run_id=one, parent_run_id=parent, tags=["a"])
    handler.flush()
    tokens = [ev for ev in parse_log(stream.getvalue()) if ev["event"] == "on_llm_new_token"]
    assert [ev["token"] for ev in tokens] == [token for _, _, token, _ in sent] + [{"not": "a string"}]
    for ev, (run, tags, _, moment) in zip(tokens, sent):
        check_line(ev)
        assert ev["run_id"] == str(run)
        assert ev["name"] == ("first" if run == one else "second")
        assert ev["tags"] == tags
        assert ev["time"] == _writer.format_time(moment)
    assert [ev["event"] for ev in parse_log(stream.getvalue())].index("on_text") == 5


def test_text_utf8_cannot_hold_is_escaped_and_nothing_after_it_is_lost(tmp_path: Path) -> None:
    """A lone surrogate cannot be written as UTF-8: its batch is written escaped, a line
    separator inside a token does not split its line, and the tokens after it still come."""
    log = tmp_path / "odd.jsonl"
    handler = RunscopeCallbackHandler(log)
    run = uuid.uuid4()
    tokens = ["a\u2028b\x85c", "\ud800", "plain"]
    for token in tokens:
        handler.on_llm_new_token(token, run_id=run)
    handler.flush()
    handler.on_llm_new_token("later", run_id=run)
    handler.close()
    lines = log.read_text(encoding="utf-8", errors="strict").split("\n")
    assert [json.loads(line)["token"] for line in lines if line] == tokens + ["later"]
