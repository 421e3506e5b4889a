"""`runscope otlp` receives OTLP/HTTP traces from instrumented apps and shows them as runs.

The real binary (`runscope otlp --listen 127.0.0.1:0 --no-tui --events FILE --no-history`)
against real clients: opentelemetry-sdk's OTLPSpanExporter (protobuf, gzip), OTLP/JSON
built from the same spans, and openinference-instrumentation-langchain on a LangChain
chain and a LangGraph agent, whose runs runscope rebuilds with the same tree as
runscope's own callback handler recorded of the same invocation. Then the limits (413,
400, 415, 401, 404: none stops the receiver), and SIGTERM/SIGINT: spans whose parent never
came are roots, the log is complete, exit status 0. The recorded requests in
Tests/RunscopeOTLPTests/Fixtures/receive (scripts/capture-otlp-fixtures.py, which this
test reuses to build the same spans and runs) are replayed too.

Needs the built binary (RUNSCOPE_BIN, default .build/debug/runscope), and the venv of
.ci/run (opentelemetry-sdk, the OTLP exporter, langchain, langgraph,
openinference-instrumentation-langchain, runscope-langchain).
"""
from __future__ import annotations

import base64
import datetime
import gzip
import importlib.util
import json
import os
import pathlib
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("opentelemetry.sdk")
pytest.importorskip("opentelemetry.exporter.otlp.proto.http")
pytest.importorskip("opentelemetry.proto")

from opentelemetry import trace as trace_api  # noqa: E402
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans  # noqa: E402
from opentelemetry.exporter.otlp.proto.http import Compression  # noqa: E402
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter  # noqa: E402
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("RUNSCOPE_BIN", str(ROOT / ".build" / "debug" / "runscope"))
FIXTURES = ROOT / "Tests" / "RunscopeOTLPTests" / "Fixtures" / "receive"
SERVICE = "fixture-app"
LISTENING = re.compile(r"^runscope: receiving OTLP at (http://127\.0\.0\.1:(\d+)/v1/traces)$")
WAIT = 30  # seconds, for every wait on the receiver

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from test_runscope_handler import check_line, check_log  # noqa: E402

_spec = importlib.util.spec_from_file_location("capture_otlp_fixtures", ROOT / "scripts" / "capture-otlp-fixtures.py")
capture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(capture)


# --------------------------------------------------------------------------- the receiver
class Receiver:
    """`runscope otlp` on a free loopback port, started and waited for on its stderr line."""

    def __init__(self, tmp_path: pathlib.Path, *args: str, history: bool = False) -> None:
        self.events_path = pathlib.Path(tempfile.mkstemp(prefix="received-", suffix=".jsonl", dir=tmp_path)[1])
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "RUNSCOPE_EVENTS"))}
        env["RUNSCOPE_HOME"] = str(tmp_path / "runscope-home")
        self.process = subprocess.Popen(
            [BIN, "otlp", "--listen", "127.0.0.1:0", "--no-tui", "--events", str(self.events_path),
             *([] if history else ["--no-history"]), *args],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.url = ""
        self.port = 0
        self._listening = threading.Event()
        self._readers = [threading.Thread(target=self._read, args=(self.process.stdout, self.stdout), daemon=True),
                         threading.Thread(target=self._read, args=(self.process.stderr, self.stderr, True), daemon=True)]
        for reader in self._readers:
            reader.start()
        try:
            deadline = time.monotonic() + WAIT
            while not self._listening.wait(0.05):
                assert self.process.poll() is None, f"runscope otlp exited {self.process.returncode}:\n{self.err}"
                assert time.monotonic() < deadline, f"no 'receiving OTLP at' line on stderr in {WAIT} s:\n{self.err}"
        except BaseException:
            self.kill()
            raise

    def _read(self, stream: Any, lines: list[str], watch: bool = False) -> None:
        for line in stream:
            lines.append(line)
            if watch and not self._listening.is_set() and (match := LISTENING.match(line.rstrip("\n"))):
                self.url, self.port = match.group(1), int(match.group(2))
                self._listening.set()

    @property
    def err(self) -> str:
        return "".join(self.stderr)

    @property
    def out(self) -> str:
        return "".join(self.stdout)

    def stop(self, signum: int = signal.SIGTERM) -> int:
        """Signal it, wait for it to exit (and its output to be read): its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            status = self.process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"runscope otlp did not exit within {WAIT} s of signal {signum}:\n{self.err}") from None
        for reader in self._readers:
            reader.join(timeout=WAIT)
        return status

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=WAIT)

    def log(self, *, complete: bool = True) -> list[dict]:
        """The events file; while it still runs (complete=False), its complete lines."""
        text = self.events_path.read_text()
        if complete:
            assert not text or text.endswith("\n"), "the events file must end with a complete line"
        else:
            text = text[: text.rfind("\n") + 1]
        return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def receiver(tmp_path: pathlib.Path) -> Iterator[Any]:
    """receiver(*flags) starts one; every one started is killed at the end if still running."""
    started: list[Receiver] = []

    def start(*args: str, history: bool = False) -> Receiver:
        if len(started) == 0:
            help_run = subprocess.run([BIN, "otlp", "--help"], capture_output=True, text=True, timeout=WAIT)
            if help_run.returncode != 0 or "--listen" not in help_run.stdout + help_run.stderr:
                pytest.fail(f"{BIN} has no `otlp` command yet (build it: swift build)")
        started.append(Receiver(tmp_path, *args, history=history))
        return started[-1]

    try:
        yield start
    finally:
        for one in started:
            one.kill()


def stopped(receiver: Receiver, signum: int = signal.SIGTERM) -> list[dict]:
    """Stop it (exit status 0 asserted); its event log, every line checked."""
    status = receiver.stop(signum)
    assert status == 0, f"exit status {status}:\n{receiver.err}"
    log = receiver.log()
    for event in log:
        check_line(event)
    return log


# --------------------------------------------------------------------------- HTTP
class Answer:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def __repr__(self) -> str:
        return f"HTTP {self.status} {self.body[:200]!r}"


def post(port: int, body: bytes, content_type: str | None = "application/x-protobuf", *, encoding: str | None = None,
         headers: dict[str, str] | None = None, path: str = "/v1/traces") -> Answer:
    """One POST on a connection of its own (Connection: close). The answer is read while the
    body is still being sent, so a server that answers 413 and closes early is heard."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
    received = bytearray()

    def read() -> None:
        try:
            while not _complete(bytes(received)):
                data = sock.recv(65536)
                if not data:
                    break
                received.extend(data)
        except OSError:
            pass

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    head = [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", f"Content-Length: {len(body)}", "Connection: close"]
    if content_type is not None:
        head.append(f"Content-Type: {content_type}")
    if encoding is not None:
        head.append(f"Content-Encoding: {encoding}")
    head += [f"{k}: {v}" for k, v in (headers or {}).items()]
    try:
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)
    except OSError:
        pass  # answered and closed before the whole body was sent: the answer is still read
    reader.join(WAIT)
    sock.close()
    assert not reader.is_alive(), f"no complete HTTP answer in {WAIT} s: {bytes(received)[:300]!r}"
    return _parse(bytes(received))


def _split(raw: bytes) -> tuple[int, dict[str, str], bytes] | None:
    if b"\r\n\r\n" not in raw:
        return None
    head, body = raw.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return status, headers, body


def _dechunk(body: bytes) -> bytes | None:
    out = bytearray()
    while True:
        size_line, sep, rest = body.partition(b"\r\n")
        if not sep:
            return None
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            return bytes(out)
        if len(rest) < size + 2:
            return None
        out += rest[:size]
        body = rest[size + 2:]


def _complete(raw: bytes) -> bool:
    parts = _split(raw)
    if parts is None:
        return False
    _, headers, body = parts
    if "content-length" in headers:
        return len(body) >= int(headers["content-length"])
    if "chunked" in headers.get("transfer-encoding", ""):
        return _dechunk(body) is not None
    return False  # until the server closes


def _parse(raw: bytes) -> Answer:
    parts = _split(raw)
    assert parts is not None, f"not an HTTP answer: {raw[:300]!r}"
    status, headers, body = parts
    if "content-length" in headers:
        body = body[: int(headers["content-length"])]
    elif "chunked" in headers.get("transfer-encoding", ""):
        body = _dechunk(body) or b""
    return Answer(status, headers, body)


# --------------------------------------------------------------------------- spans and runs
def run_id(trace_hex: str, span_hex: str) -> str:
    """The run id runscope gives a span (SpanTranslator.runId): the span id as its low 8
    bytes; the trace id's first 8 mixed with (its last 8 xor the span id) times an odd
    constant as its high 8, so an exported root (span id = the trace id's last 8) keeps its id."""
    high, low, span = int(trace_hex[:16], 16), int(trace_hex[16:], 16), int(span_hex, 16)
    mixed = high ^ (((low ^ span) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
    return str(uuid.UUID(f"{mixed:016x}{span:016x}"))


def described(spans: Any) -> list[dict]:
    """SDK spans (ReadableSpan) as plain dicts, ids in hex."""
    return [{"trace": f"{s.context.trace_id:032x}", "span": f"{s.context.span_id:016x}",
             "parent": f"{s.parent.span_id:016x}" if s.parent else "", "name": s.name,
             "start": s.start_time, "end": s.end_time} for s in spans]


def decoded(requests: list[dict]) -> list[dict]:
    """The spans of recorded requests (a fixture's lines) as plain dicts, ids in hex."""
    out = []
    for request in requests:
        body = base64.b64decode(request["body_base64"])
        if request["content_encoding"] == "gzip":
            body = gzip.decompress(body)
        if request["content_type"] == "application/json":
            message = json.loads(body)
            spans = [s for rs in message["resourceSpans"] for ss in rs["scopeSpans"] for s in ss["spans"]]
            out += [{"trace": s["traceId"], "span": s["spanId"], "parent": s.get("parentSpanId", ""), "name": s["name"],
                     "start": int(s["startTimeUnixNano"]), "end": int(s["endTimeUnixNano"])} for s in spans]
            continue
        message = ExportTraceServiceRequest.FromString(body)
        out += [{"trace": s.trace_id.hex(), "span": s.span_id.hex(), "parent": s.parent_span_id.hex(), "name": s.name,
                 "start": s.start_time_unix_nano, "end": s.end_time_unix_nano}
                for rs in message.resource_spans for ss in rs.scope_spans for s in ss.spans]
    return out


def fixture_requests(name: str) -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / f"{name}.requests.jsonl").read_text().splitlines()]


def send_recorded(receiver: Receiver, requests: list[dict]) -> None:
    for request in requests:
        answer = post(receiver.port, base64.b64decode(request["body_base64"]), request["content_type"],
                      encoding=request["content_encoding"])
        assert answer.status == 200, answer


def runs(log: list[dict]) -> dict[str, dict]:
    """run id -> its start and end (or error) events."""
    found: dict[str, dict] = {}
    for event in log:
        if event["event"].endswith("_start"):
            assert event["run_id"] not in found, f"run {event['run_id']} started twice"
            found[event["run_id"]] = {"start": event, "end": None}
        elif event["event"].endswith(("_end", "_error")):
            assert event["run_id"] in found, f"{event['event']} of a run that never started"
            found[event["run_id"]]["end"] = event
    return found


def usage_of(end: dict) -> dict | None:
    """on_llm_end's message usage_metadata (the message in LangChain's serialized form)."""
    message = end["response"]["generations"][0][0].get("message") or {}
    return (message.get("kwargs") or message).get("usage_metadata")


def unix_ns(time_text: str) -> int:
    moment = datetime.datetime.strptime(time_text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    return int(moment.timestamp()) * 1_000_000_000 + moment.microsecond * 1000


SDK_TREE = {  # name -> (parent name, run type, start event, end event)
    "agent-run": (None, "chain", "on_chain_start", "on_chain_end"),
    "chat gpt-4o": ("agent-run", "chat_model", "on_chat_model_start", "on_llm_end"),
    "calculator": ("agent-run", "tool", "on_tool_start", "on_tool_end"),
    "lookup": ("agent-run", "tool", "on_tool_start", "on_tool_error"),
}


def check_sdk_runs(log: list[dict], spans: list[dict]) -> None:
    """The log of build_sdk_tree's spans: ids, names, parents, run types, times, the
    error, the token usage and the root's otel.* metadata."""
    check_log(log)
    found = runs(log)
    assert len(found) == len(spans) == len(SDK_TREE), sorted(r["start"]["name"] for r in found.values())
    names = {s["span"]: s["name"] for s in spans}
    for span in spans:
        rid = run_id(span["trace"], span["span"])
        assert rid in found, f"no run {rid} for span {span['name']}"
        start, end = found[rid]["start"], found[rid]["end"]
        parent_name, run_type, start_event, end_event = SDK_TREE[span["name"]]
        assert start["name"] == span["name"]
        assert names.get(span["parent"]) == parent_name
        assert start["parent_run_id"] == (run_id(span["trace"], span["parent"]) if span["parent"] else None)
        assert (start["run_type"], start["event"]) == (run_type, start_event)
        assert end is not None and end["event"] == end_event, end
        assert abs(unix_ns(start["time"]) - span["start"]) < 2_000, (start["time"], span["start"])
        assert abs(unix_ns(end["time"]) - span["end"]) < 2_000, (end["time"], span["end"])
    by_name = {r["start"]["name"]: r for r in found.values()}
    assert by_name["lookup"]["end"]["error"] == {"type": "ValueError", "message": "boom"}
    assert usage_of(by_name["chat gpt-4o"]["end"]) == {"input_tokens": 12, "output_tokens": 7, "total_tokens": 19}
    root = by_name["agent-run"]["start"]
    assert root["metadata"].get("otel.service.name") == SERVICE, root["metadata"]
    assert root["metadata"].get("otel.trace_id") == spans[0]["trace"], root["metadata"]


def sdk_spans() -> Any:
    """build_sdk_tree's spans (ReadableSpans), kept in memory."""
    memory = InMemorySpanExporter()
    provider = capture.sdk_provider(memory, batch=False)
    capture.build_sdk_tree(provider.get_tracer("test_otlp_receive"))
    provider.shutdown()
    spans = memory.get_finished_spans()
    assert len(spans) == 4
    return spans


def one_span(name: str) -> tuple[bytes, str]:
    """A protobuf body of one root span named name, and the run id it should get."""
    memory = InMemorySpanExporter()
    provider = capture.sdk_provider(memory, batch=False)
    provider.get_tracer("test_otlp_receive").start_span(name).end()
    provider.shutdown()
    [span] = described(memory.get_finished_spans())
    return encode_spans(memory.get_finished_spans()).SerializeToString(), run_id(span["trace"], span["span"])


# --------------------------------------------------------------------------- trees
def tree(log: list[dict], types: dict[str, str] | None = None) -> list:
    """The run tree, ids left out: each run [name, run type, end event, token usage,
    children sorted]."""
    found = runs(log)
    children: dict[Any, list[dict]] = {}
    for run in found.values():
        children.setdefault(run["start"]["parent_run_id"], []).append(run)

    def node(run: dict) -> list:
        start, end = run["start"], run["end"]
        run_type = (types or {}).get(start["run_type"], start["run_type"])
        usage = usage_of(end) if end and end["event"] == "on_llm_end" else None
        return [start["name"], run_type, end and end["event"], usage,
                sorted((node(c) for c in children.get(start["run_id"], [])), key=json.dumps)]

    return sorted((node(root) for root in children.get(None, [])), key=json.dumps)


# openinference sends a parser's run as CHAIN (it has no parser kind): runscope cannot tell
OPENINFERENCE_TYPES = {"parser": "chain"}


def check_same_tree(received: list[dict], recorded: list[dict]) -> None:
    check_log(received)
    expected = tree(recorded, OPENINFERENCE_TYPES)
    assert '"input_tokens"' in json.dumps(expected), "the invocation's model runs report usage"
    assert tree(received, OPENINFERENCE_TYPES) == expected
    [root] = [e for e in received if e["event"].endswith("_start") and e["parent_run_id"] is None]
    assert root["metadata"].get("otel.service.name") == SERVICE, root["metadata"]
    trace_hex = root["metadata"].get("otel.trace_id")
    assert isinstance(trace_hex, str) and len(trace_hex) == 32, root
    # The run id is made from the trace id and the span id (its last 8 bytes).
    assert run_id(trace_hex, uuid.UUID(root["run_id"]).hex[16:]) == root["run_id"], root


# --------------------------------------------------------------------------- the SDK
@pytest.mark.parametrize("how", ["protobuf", "gzip", "json"])
def test_sdk_spans_become_runs(receiver: Any, how: str) -> None:
    """OTLPSpanExporter (plain, gzip) and OTLP/JSON: the tree, the error, the usage."""
    one = receiver()
    spans = sdk_spans()
    if how == "json":
        answer = post(one.port, capture.otlp_json(spans), "application/json")
        assert answer.status == 200, answer
    else:
        exporter = OTLPSpanExporter(endpoint=one.url, timeout=WAIT,
                                    compression=Compression.Gzip if how == "gzip" else Compression.NoCompression)
        assert exporter.export(spans).name == "SUCCESS", one.err
        exporter.shutdown()
    check_sdk_runs(stopped(one), described(spans))


def test_the_batch_processor_live(receiver: Any) -> None:
    """A TracerProvider with BatchSpanProcessor exporting to runscope as an app does; the
    runs are in the events file before the receiver stops."""
    one = receiver()
    memory = InMemorySpanExporter()
    provider = capture.sdk_provider(OTLPSpanExporter(endpoint=one.url, timeout=WAIT))
    provider.add_span_processor(SimpleSpanProcessor(memory))
    try:
        capture.build_sdk_tree(provider.get_tracer("test_otlp_receive"))
        assert provider.force_flush(WAIT * 1000)
    finally:
        provider.shutdown()
    spans = described(memory.get_finished_spans())
    root = run_id(spans[0]["trace"], next(s["span"] for s in spans if s["name"] == "agent-run"))
    deadline = time.monotonic() + 10
    while not any(e["event"] == "on_chain_end" and e["run_id"] == root for e in one.log(complete=False)):
        assert one.process.poll() is None, one.err
        assert time.monotonic() < deadline, f"the root's on_chain_end is not in the events file 10 s later:\n{one.err}"
        time.sleep(0.05)
    check_sdk_runs(stopped(one), spans)


@pytest.mark.parametrize("name", ["sdk-protobuf", "sdk-protobuf-gzip", "sdk-json"])
def test_recorded_sdk_requests(receiver: Any, name: str) -> None:
    one = receiver()
    requests = fixture_requests(name)
    send_recorded(one, requests)
    check_sdk_runs(stopped(one), decoded(requests))


def test_console_and_summary(receiver: Any) -> None:
    one = receiver("--console", "--summary")
    answer = post(one.port, capture.otlp_json(sdk_spans()), "application/json")
    assert answer.status == 200, answer
    log = stopped(one)
    assert len(runs(log)) == 4
    summary = one.out[one.out.rindex("\nrun "):] if "\nrun " in one.out else one.out
    for name, run_type, status in (("agent-run", "chain", "succeeded"), ("chat gpt-4o", "chat_model", "succeeded"),
                                   ("calculator", "tool", "succeeded"), ("lookup", "tool", "failed")):
        assert re.search(rf"^\s*{re.escape(name)}\s+{run_type}\s+{status}\b", summary, re.M), \
            f"--summary (stdout) has no row for {name}:\n{one.out}"
    console = one.out + one.err  # LangChain's console format, on stdout or stderr
    for line in ("[chain/start] [1:chain:agent-run]", "[llm/end] [1:chain:agent-run > 2:llm:chat gpt-4o]",
                 "[tool/end] [1:chain:agent-run > 3:tool:calculator]", "[tool/error] [1:chain:agent-run > 4:tool:lookup]",
                 "[chain/end] [1:chain:agent-run]"):
        assert line in console, f"--console has no {line}:\n{console}"


# --------------------------------------------------------------------------- openinference
@pytest.fixture
def openinference() -> Any:
    pytest.importorskip("openinference.instrumentation.langchain")
    pytest.importorskip("langgraph")
    return capture


@pytest.mark.parametrize("case", ["langchain-chain", "langgraph-agent"])
def test_openinference_runs_have_the_handlers_tree(receiver: Any, openinference: Any, tmp_path: pathlib.Path,
                                                   case: str) -> None:
    """The same invocation seen twice: openinference's spans through runscope otlp, and
    RunscopeCallbackHandler's log. Same tree (names, parents, run types), same usage."""
    from runscope_langchain import RunscopeCallbackHandler

    one = receiver()
    provider = capture.sdk_provider(OTLPSpanExporter(endpoint=one.url, timeout=WAIT), batch=False)
    instrumentor = capture.instrument(provider)
    recorded_path = tmp_path / "handler.jsonl"
    try:
        with RunscopeCallbackHandler(recorded_path, mode="w") as handler:
            (capture.run_chain if case == "langchain-chain" else capture.run_agent)(handler)
        provider.force_flush(WAIT * 1000)
    finally:
        instrumentor.uninstrument()
        provider.shutdown()
    recorded = [json.loads(line) for line in recorded_path.read_text().splitlines()]
    check_same_tree(stopped(one), recorded)


@pytest.mark.parametrize("case", ["langchain-chain", "langgraph-agent"])
def test_recorded_openinference_requests(receiver: Any, case: str) -> None:
    one = receiver()
    send_recorded(one, fixture_requests(case))
    recorded = [json.loads(line) for line in (FIXTURES / f"{case}.events.jsonl").read_text().splitlines()]
    check_same_tree(stopped(one), recorded)


# --------------------------------------------------------------------------- limits
GARBAGE_PROTOBUF = b"\x0a\x10abc"  # field 1, 16 bytes long, 3 there: truncated
REFUSED = {
    "over-20-MiB": ({"body": b"\x00" * (21 * 1024 * 1024)}, 413, ()),
    "undecodable-protobuf": ({"body": GARBAGE_PROTOBUF}, 400, ()),
    "undecodable-json": ({"body": b'{"resourceSpans": [', "content_type": "application/json"}, 400, ()),
    "json-not-otlp": ({"body": b'{"resourceSpans": 7}', "content_type": "application/json"}, 400, ()),
    "not-gzip": ({"body": b"plain bytes", "encoding": "gzip"}, 400, ()),
    "text-plain": ({"body": b"hello", "content_type": "text/plain"}, 415, ()),
    "no-content-type": ({"body": b"hello", "content_type": None}, 415, ()),
    "no-token": ({"body": b""}, 401, ("--token", "s3cret")),
    "wrong-token": ({"body": b"", "headers": {"Authorization": "Bearer nope"}}, 401, ("--token", "s3cret")),
    "other-path": ({"body": b"", "path": "/v1/metrics"}, 404, ()),
    "root-path": ({"body": b"", "path": "/"}, 404, ()),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_refused_request_does_not_stop_the_receiver(receiver: Any, case: str) -> None:
    request, status, flags = REFUSED[case]
    one = receiver(*flags)
    request = dict(request)
    answer = post(one.port, request.pop("body"), **request)
    assert answer.status == status, answer
    if status == 400:
        assert answer.body.strip(), "a 400 says what could not be decoded"
    body, valid = one_span(f"after-{case}")
    auth = {"Authorization": "Bearer s3cret"} if flags else {}
    answer = post(one.port, body, headers=auth)
    assert answer.status == 200, (answer, one.err)
    log = stopped(one)
    assert set(runs(log)) == {valid}, "the refused request must add no run, the valid one must land"
    assert runs(log)[valid]["start"]["name"] == f"after-{case}"


def test_the_token_admits_the_sdk_exporter(receiver: Any) -> None:
    """--token: the SDK's own exporter with the header gets through; without it, it does not."""
    one = receiver("--token", "s3cret")
    spans = sdk_spans()
    refused = OTLPSpanExporter(endpoint=one.url, timeout=WAIT)
    assert refused.export(spans).name == "FAILURE"
    refused.shutdown()
    admitted = OTLPSpanExporter(endpoint=one.url, timeout=WAIT, headers={"Authorization": "Bearer s3cret"})
    assert admitted.export(spans).name == "SUCCESS", one.err
    admitted.shutdown()
    check_sdk_runs(stopped(one), described(spans))


# --------------------------------------------------------------------------- shutdown
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_orphans_are_roots_at_exit(receiver: Any, signum: int) -> None:
    """Spans whose parent never comes: at SIGTERM/SIGINT they are roots (their own children
    still under them), every run has ended, exit status 0."""
    one = receiver()
    memory = InMemorySpanExporter()
    provider = capture.sdk_provider(memory, batch=False)
    tracer = provider.get_tracer("test_otlp_receive")
    missing = trace_api.SpanContext(trace_id=0x0123456789ABCDEF0123456789ABCDEF, span_id=0x00000000DEADBEEF,
                                    is_remote=True, trace_flags=trace_api.TraceFlags(1))
    with tracer.start_as_current_span("orphan", context=trace_api.set_span_in_context(trace_api.NonRecordingSpan(missing))):
        with tracer.start_as_current_span("orphan-child"):
            pass
    provider.shutdown()
    spans = memory.get_finished_spans()
    exporter = OTLPSpanExporter(endpoint=one.url, timeout=WAIT)
    assert exporter.export(spans).name == "SUCCESS", one.err
    exporter.shutdown()
    log = stopped(one, signum)
    check_log(log)
    found = runs(log)
    by_name = {s["name"]: s for s in described(spans)}
    orphan = run_id(by_name["orphan"]["trace"], by_name["orphan"]["span"])
    child = run_id(by_name["orphan-child"]["trace"], by_name["orphan-child"]["span"])
    assert set(found) == {orphan, child}, found
    assert found[orphan]["start"]["parent_run_id"] is None
    assert found[child]["start"]["parent_run_id"] == orphan
    assert all(r["end"] is not None and r["end"]["event"] == "on_chain_end" for r in found.values()), found
    assert found[orphan]["start"]["metadata"].get("otel.trace_id") == "0123456789abcdef0123456789abcdef"
    assert found[orphan]["start"]["metadata"].get("otel.service.name") == SERVICE


def test_received_runs_go_to_the_history(receiver: Any, tmp_path: pathlib.Path) -> None:
    """Without --no-history the runs are kept: `runscope runs` lists the trace, and
    `runscope export` gives back the lines --events wrote live."""
    one = receiver(history=True)
    send_recorded(one, fixture_requests("sdk-protobuf"))
    live = stopped(one)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    env["RUNSCOPE_HOME"] = str(tmp_path / "runscope-home")
    listed = subprocess.run([BIN, "runs", "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=WAIT)
    assert listed.returncode == 0, listed.stderr
    [trace] = json.loads(listed.stdout)
    assert trace["name"] == "agent-run" and trace["runs"] == 4, trace
    exported = subprocess.run([BIN, "export", trace["id"]], cwd=ROOT, env=env, capture_output=True, text=True, timeout=WAIT)
    assert exported.returncode == 0, exported.stderr
    assert [json.loads(line) for line in exported.stdout.splitlines() if line.strip()] == live
