"""`runscope run --otlp` sends every run as an OpenTelemetry span.

Against the real Phoenix (arize-phoenix, `phoenix serve` on loopback): its REST API lists
the same tree (names, parents), span kinds and token usage as runscope's own event log of
the run. Against a small loopback OTLP server of the test's own: a 503 with Retry-After
is retried after the wait it asks for, bodies are gzipped protobuf (or JSON on request),
and a backend that is down costs the run one warning line and nothing else.

Needs the built binaries (RUNSCOPE_BIN, default .build/debug/runscope; the test server
beside it). The Phoenix test is skipped only when phoenix cannot be imported."""
from __future__ import annotations

import calendar
import contextlib
import datetime
import gzip
import http.server
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("RUNSCOPE_BIN", str(ROOT / ".build" / "debug" / "runscope"))
TEST_SERVER = str(pathlib.Path(BIN).parent / "runscope-test-server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def runscope(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, **(env or {}))
    for name in [n for n in full_env if n.startswith("OTEL_")]:
        if not env or name not in env:
            del full_env[name]
    return subprocess.run([BIN, *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120)


def events(path: pathlib.Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def runs_of(log: list[dict]) -> dict[str, dict]:
    """run id -> {name, parent, type} from an event log's start events."""
    runs = {}
    for event in log:
        if event["event"].endswith("_start"):
            runs[event["run_id"]] = {"name": event["name"], "parent": event.get("parent_run_id"), "type": event["run_type"]}
    return runs


def span_id(run_id: str) -> str:
    """The span id runscope gives a run: the last 8 bytes of its UUID, in hex."""
    return run_id.replace("-", "")[16:]


# --- Phoenix -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def phoenix() -> Iterator[str]:
    """A real Phoenix on loopback (its own ports and working dir), stopped at the end."""
    pytest.importorskip("phoenix", reason="arize-phoenix is not installed (pip install arize-phoenix)")
    executable = shutil.which("phoenix", path=str(pathlib.Path(sys.executable).parent)) or shutil.which("phoenix")
    assert executable, "arize-phoenix is importable but its `phoenix` command is not on PATH"
    port, grpc_port = free_port(), free_port()
    workdir = tempfile.mkdtemp(prefix="runscope-phoenix-")
    env = dict(os.environ, PHOENIX_WORKING_DIR=workdir, PHOENIX_PORT=str(port), PHOENIX_GRPC_PORT=str(grpc_port),
               PHOENIX_HOST="127.0.0.1")
    log = open(pathlib.Path(workdir) / "phoenix.log", "w")
    process = subprocess.Popen([executable, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.monotonic()
        while True:
            assert process.poll() is None, "phoenix serve exited:\n" + pathlib.Path(log.name).read_text()[-3000:]
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(base + "/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            assert time.monotonic() - started < 180, "phoenix did not answer /healthz in 180 s"
            time.sleep(0.5)
        print(f"phoenix answered /healthz after {time.monotonic() - started:.1f} s", file=sys.stderr)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)


def phoenix_get(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=10) as answer:
        return json.loads(answer.read())


def flatten(attributes: dict, prefix: str = "") -> dict:
    """Phoenix nests dotted attribute names ({"llm": {"token_count": ...}}): flat again."""
    flat = {}
    for key, value in attributes.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def phoenix_spans(base: str, project: str, count: int) -> list[dict]:
    """The project's spans, polled until `count` are there (at most 60 s)."""
    deadline = time.monotonic() + 60
    spans: list[dict] = []
    while time.monotonic() < deadline:
        names = [p["name"] for p in phoenix_get(base, "/v1/projects").get("data", [])]
        if project in names:
            spans = phoenix_get(base, f"/v1/projects/{project}/spans?limit=100").get("data", [])
            if len(spans) >= count:
                return spans
        time.sleep(0.5)
    raise AssertionError(f"phoenix has {len(spans)} spans of {project}, expected {count}")


@pytest.fixture
def provider() -> Iterator[str]:
    """runscope-test-server (OpenAI's wire format, usage included) on a free port."""
    process = subprocess.Popen([TEST_SERVER, "--port", "0", "--delay-ms", "0"], stdout=subprocess.PIPE, text=True,
                               stdin=subprocess.DEVNULL)
    try:
        port = int(process.stdout.readline().strip())
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_phoenix_lists_the_runs_tree_kinds_and_token_usage(phoenix: str, provider: str, tmp_path: pathlib.Path) -> None:
    project = f"runscope-test-{os.getpid()}-{int(time.time())}"
    log_path = tmp_path / "run.jsonl"
    result = runscope("run", "--no-tui", "--no-history", "--otlp", phoenix + "/v1/traces", "--otlp-service", project,
                      "--events", str(log_path), "examples/openai.json",
                      env={"OPENAI_BASE_URL": provider, "OPENAI_API_KEY": "sk-test"})
    assert result.returncode == 0, result.stderr
    assert "otlp" not in result.stderr, result.stderr
    log = events(log_path)
    runs = runs_of(log)
    assert len(runs) == 4, runs
    spans = phoenix_spans(phoenix, project, len(runs))
    assert len(spans) == len(runs)

    by_id = {span["context"]["span_id"]: span for span in spans}
    root = next(run_id for run_id, run in runs.items() if run["parent"] is None)
    for run_id, run in runs.items():
        span = by_id[span_id(run_id)]
        assert span["name"] == run["name"]
        assert span["context"]["trace_id"] == root.replace("-", "")
        assert span["parent_id"] == (span_id(run["parent"]) if run["parent"] else None)
    kinds = {by_id[span_id(run_id)]["name"]: by_id[span_id(run_id)]["span_kind"] for run_id in runs}
    assert kinds == {"RunnableSequence": "CHAIN", "ChatPromptTemplate": "PROMPT", "ChatOpenAI": "LLM",
                     "StrOutputParser": "CHAIN"}

    end = next(e for e in log if e["event"] == "on_llm_end")
    usage = end["response"]["generations"][0][0]["message"]["kwargs"]["usage_metadata"]
    model = next(s for s in spans if s["span_kind"] == "LLM")
    attributes = flatten(model["attributes"])
    assert usage["input_tokens"] > 0 and usage["output_tokens"] > 0
    assert attributes["llm.token_count.prompt"] == usage["input_tokens"]
    assert attributes["llm.token_count.completion"] == usage["output_tokens"]
    assert attributes["llm.token_count.total"] == usage["total_tokens"]
    assert attributes["gen_ai.usage.input_tokens"] == usage["input_tokens"]
    assert attributes["llm.model_name"] == "gpt-4o-mini"
    assert attributes["llm.provider"] == "openai"
    assert model["status_code"] == "OK"


# --- a loopback OTLP server of the test's own ----------------------------------------------


class Collector(http.server.ThreadingHTTPServer):
    """Records every POST; answers 503 (Retry-After) to the first `fail_first` of them."""

    def __init__(self, fail_first: int = 0, retry_after: str = "1") -> None:
        super().__init__(("127.0.0.1", 0), CollectorHandler)
        self.fail_first = fail_first
        self.retry_after = retry_after
        self.requests: list[dict] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class CollectorHandler(http.server.BaseHTTPRequestHandler):
    server: Collector

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with self.server.lock:
            self.server.requests.append({"time": time.monotonic(), "path": self.path, "headers": dict(self.headers),
                                         "body": body})
            failing = len(self.server.requests) <= self.server.fail_first
        if failing:
            self.send_response(503)
            self.send_header("Retry-After", self.server.retry_after)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def collector(**kwargs: object) -> Iterator[Collector]:
    server = Collector(**kwargs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def decode_protobuf(body: bytes):
    from opentelemetry.proto.collector.trace.v1 import trace_service_pb2
    request = trace_service_pb2.ExportTraceServiceRequest()
    request.ParseFromString(gzip.decompress(body))
    return request


def test_a_503_with_retry_after_is_retried_after_that_wait() -> None:
    pytest.importorskip("opentelemetry.proto", reason="opentelemetry-proto is not installed (it comes with arize-phoenix)")
    with collector(fail_first=1, retry_after="2") as server:
        result = runscope("run", "--no-tui", "--no-history", "--otlp", server.url + "/v1/traces", "examples/joke.json")
        requests = list(server.requests)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    assert len(requests) == 2, [r["path"] for r in requests]
    waited = requests[1]["time"] - requests[0]["time"]
    assert waited >= 1.9, f"retried after {waited:.2f} s, Retry-After said 2 (the default backoff is 0.5)"
    assert requests[0]["body"] == requests[1]["body"]
    headers = {k.lower(): v for k, v in requests[1]["headers"].items()}
    assert headers["content-type"] == "application/x-protobuf"
    assert headers["content-encoding"] == "gzip"
    request = decode_protobuf(requests[1]["body"])
    resource = {a.key: a.value.string_value for a in request.resource_spans[0].resource.attributes}
    assert resource["service.name"] == "runscope" and resource["openinference.project.name"] == "runscope"
    spans = request.resource_spans[0].scope_spans[0].spans
    assert sorted(s.name for s in spans) == ["ChatPromptTemplate", "GenericFakeChatModel", "RunnableSequence", "StrOutputParser"]
    root = next(s for s in spans if not s.parent_span_id)
    assert all(s.trace_id == root.trace_id for s in spans)
    assert all(s.parent_span_id == root.span_id for s in spans if s is not root)


def test_json_on_request_with_the_standard_variables() -> None:
    with collector() as server:
        env = {"OTEL_EXPORTER_OTLP_ENDPOINT": server.url, "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json",
               "OTEL_EXPORTER_OTLP_HEADERS": "x-api-key=secret%21,x-team=red"}
        result = runscope("run", "--no-tui", "--no-history", "--otlp", "--otlp-tokens", "examples/joke.json", env=env)
        requests = list(server.requests)
    assert result.returncode == 0, result.stderr
    assert len(requests) == 1
    assert requests[0]["path"] == "/v1/traces"
    headers = {k.lower(): v for k, v in requests[0]["headers"].items()}
    assert headers["content-type"] == "application/json"
    assert headers["x-api-key"] == "secret!" and headers["x-team"] == "red"
    body = json.loads(gzip.decompress(requests[0]["body"]))
    spans = body["resourceSpans"][0]["scopeSpans"][0]["spans"]
    root = next(s for s in spans if "parentSpanId" not in s)
    assert len(root["traceId"]) == 32 and all(c in "0123456789abcdef" for c in root["traceId"])
    assert len(root["spanId"]) == 16 and root["spanId"] == root["traceId"][16:]
    assert isinstance(root["startTimeUnixNano"], str) and int(root["startTimeUnixNano"]) > 0
    model = next(s for s in spans if s["name"] == "GenericFakeChatModel")
    tokens = [e for e in model["events"] if e["name"] == "new_token"]
    assert len(tokens) > 3
    text = "".join(a["value"]["stringValue"] for e in tokens for a in e["attributes"] if a["key"] == "token")
    assert text == "Why don't bears wear shoes? Because they have bear feet!"


def test_a_backend_that_is_down_costs_one_warning_line() -> None:
    port = free_port()
    started = time.monotonic()
    result = runscope("run", "--no-tui", "--no-history", "--otlp", f"http://127.0.0.1:{port}/v1/traces", "examples/joke.json")
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Why don't bears wear shoes? Because they have bear feet!"
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"runscope: otlp: http://127.0.0.1:{port}/v1/traces: ")
    assert lines[0].endswith("; 4 spans not exported")
    assert elapsed < 10, f"the run took {elapsed:.1f} s"


@pytest.mark.parametrize("args, message", [
    (["--otlp", "ftp://example/v1/traces"], "runscope: --otlp: 'ftp://example/v1/traces' is not an http:// or https:// URL"),
    (["--otlp-tokens"], "runscope: --otlp-tokens and --otlp-service need --otlp"),
])
def test_bad_otlp_flags_say_so_in_one_line(args: list[str], message: str) -> None:
    result = runscope("run", "--no-tui", "--no-history", *args, "examples/joke.json")
    assert result.returncode == 2
    assert result.stderr.strip() == message
    assert result.stdout == ""


def test_a_bad_protocol_variable_says_so_in_one_line() -> None:
    result = runscope("run", "--no-tui", "--no-history", "--otlp", "examples/joke.json",
                      env={"OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"})
    assert result.returncode == 2
    assert result.stderr.strip() == "runscope: OTEL_EXPORTER_OTLP_PROTOCOL: grpc is not supported; use http/protobuf or http/json"


def test_a_replay_exports_the_same_spans_as_the_run(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("opentelemetry.proto", reason="opentelemetry-proto is not installed (it comes with arize-phoenix)")
    log = tmp_path / "run.jsonl"

    def exported(*args: str) -> dict[bytes, tuple]:
        with collector() as server:
            result = runscope(*args, "--no-history", "--otlp", server.url + "/v1/traces")
            requests = list(server.requests)
        assert result.returncode == 0, result.stderr
        spans = [s for r in requests for s in decode_protobuf(r["body"]).resource_spans[0].scope_spans[0].spans]
        return {s.span_id: (s.trace_id, s.parent_span_id, s.name, s.start_time_unix_nano, s.end_time_unix_nano)
                for s in spans}

    ran = exported("run", "--no-tui", "--record", str(log), "examples/joke.json")
    replayed = exported("replay", "--no-tui", str(log))
    assert len(ran) == 4
    assert {k: v[:3] for k, v in replayed.items()} == {k: v[:3] for k, v in ran.items()}
    # The replay's times are the recorded ones: each span starts and ends at a time of the
    # log (which keeps microseconds; a Date holds this epoch to about 0.24 µs). The live
    # run's exporter reads the clock itself, after the recorder did, so its times trail the
    # log's by however long the handlers before it took (over 1 ms under load): close, not equal.
    starts, ends = set(), set()
    for line in log.read_text().splitlines():
        event = json.loads(line)
        moment = datetime.datetime.strptime(event["time"], "%Y-%m-%dT%H:%M:%S.%fZ")
        nanos = calendar.timegm(moment.timetuple()) * 1_000_000_000 + moment.microsecond * 1000
        (starts if event["event"].endswith("_start") else ends).add(nanos)
    for span_id_, (_, _, name, start, end) in replayed.items():
        assert min(abs(start - t) for t in starts) <= 1000, f"{name} starts at {start}, not at a recorded time"
        assert min(abs(end - t) for t in ends) <= 1000, f"{name} ends at {end}, not at a recorded time"
        assert abs(start - ran[span_id_][3]) < 1_000_000_000 and abs(end - ran[span_id_][4]) < 1_000_000_000


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_headless_run_stopped_by_a_signal_still_sends_its_spans(signum: int, tmp_path: pathlib.Path) -> None:
    """`kill` (or Ctrl-C) mid-stream: the chain is cancelled, every run it started is sent as a
    span (the open ones ended as cancelled), and the exit status is 1."""
    pytest.importorskip("opentelemetry.proto", reason="opentelemetry-proto is not installed (it comes with arize-phoenix)")
    log = tmp_path / "events.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    with collector() as server:
        process = subprocess.Popen(
            [BIN, "run", "--no-tui", "--no-history", "--events", str(log), "--otlp", server.url + "/v1/traces",
             "Tests/InspectorE2ETests/Fixtures/long-stream.json"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            # The signal to stop is the first streamed token in the events file, not a sleep.
            while not (log.exists() and '"on_llm_new_token"' in log.read_text()):
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "no token streamed within 60 s"
                time.sleep(0.02)
            process.send_signal(signum)
            status = process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
        requests = list(server.requests)
    assert status == 1, process.stderr.read() if process.stderr else ""
    runs = runs_of(events(log))
    spans = [span for r in requests for rs in decode_protobuf(r["body"]).resource_spans
             for ss in rs.scope_spans for span in ss.spans]
    assert sorted(s.span_id.hex() for s in spans) == sorted(span_id(run) for run in runs)
    statuses = {s.name: {a.key: a.value.string_value for a in s.attributes}.get("runscope.status") for s in spans}
    assert statuses.get("GenericFakeChatModel") == "cancelled", statuses
