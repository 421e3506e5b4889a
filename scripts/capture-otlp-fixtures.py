#!/usr/bin/env python3
"""Record what real OpenTelemetry clients POST to an OTLP/HTTP receiver.

    /tmp/runscope-ci-venv/bin/python scripts/capture-otlp-fixtures.py [OUT_DIR]

OUT_DIR defaults to Tests/RunscopeOTLPTests/Fixtures/receive. Needs opentelemetry-sdk,
opentelemetry-exporter-otlp-proto-http, langchain, langgraph, runscope-langchain
(integrations/python) and openinference-instrumentation-langchain: the CI venv that
.ci/run builds has them all. Offline: LangChain runs on fake chat models.

A loopback HTTP server of the script's own (127.0.0.1, a free port) answers every
POST /v1/traces with 200 and an empty body, and each fixture's requests are written one
JSON object per line: {"content_type", "content_encoding" (or null), "body_base64"}.

Files (see the README.md written beside them):
  sdk-protobuf.requests.jsonl       a hand-made span tree, opentelemetry-sdk's OTLPSpanExporter (protobuf)
  sdk-protobuf-gzip.requests.jsonl  the same spans, the same exporter with compression=Gzip
  sdk-json.requests.jsonl           the same spans as OTLP/JSON (built here: the SDK has no JSON exporter)
  langchain-chain.requests.jsonl    openinference-instrumentation-langchain on prompt | model | parser
  langchain-chain.events.jsonl      runscope's handler's event log of that same invocation (the oracle)
  langgraph-agent.requests.jsonl    openinference on a LangChain 1.x create_agent agent with one tool
  langgraph-agent.events.jsonl      runscope's handler's event log of that same invocation
"""

from __future__ import annotations

import base64
import http.server
import json
import pathlib
import sys
import threading
from typing import Any, Callable, Dict, List, Optional

from google.protobuf import json_format
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans
from opentelemetry.exporter.otlp.proto.http import Compression
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, Status, StatusCode

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "Tests" / "RunscopeOTLPTests" / "Fixtures" / "receive"
SERVICE = "fixture-app"


# --------------------------------------------------------------------------- the receiver
class Recorder(http.server.ThreadingHTTPServer):
    """Loopback OTLP/HTTP sink: 200 and an empty body for POST /v1/traces, every request kept."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), RecorderHandler)
        self.requests: List[Dict[str, Any]] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1/traces"

    def take(self) -> List[Dict[str, Any]]:
        with self.lock:
            taken, self.requests = self.requests, []
        return taken

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class RecorderHandler(http.server.BaseHTTPRequestHandler):
    server: Recorder

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.path != "/v1/traces":
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        with self.server.lock:
            self.server.requests.append({
                "content_type": self.headers.get("Content-Type"),
                "content_encoding": self.headers.get("Content-Encoding"),
                "body_base64": base64.b64encode(body).decode("ascii"),
            })
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass


def write_requests(path: pathlib.Path, requests: List[Dict[str, Any]]) -> None:
    assert requests, f"no request recorded for {path.name}"
    path.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in requests))
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {len(requests)} request(s)", file=sys.stderr)


# --------------------------------------------------------------------------- OTLP/JSON
_ID_FIELDS = ("traceId", "spanId", "parentSpanId")


def _hex_ids(value: Any) -> Any:
    """MessageToDict writes bytes in base64; OTLP/JSON wants trace and span ids in hex."""
    if isinstance(value, dict):
        return {k: (base64.b64decode(v).hex() if k in _ID_FIELDS and isinstance(v, str) else _hex_ids(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_hex_ids(v) for v in value]
    return value


def otlp_json(spans: Any) -> bytes:
    """The OTLP/JSON body of spans: lowerCamelCase names, enums as integers, 64-bit
    integers as decimal strings (protobuf's JSON mapping), ids in hex (OTLP's exception)."""
    message = encode_spans(spans)
    as_dict = json_format.MessageToDict(message, preserving_proto_field_name=False, use_integers_for_enums=True)
    return json.dumps(_hex_ids(as_dict), separators=(",", ":")).encode()


# --------------------------------------------------------------------------- 1. the plain SDK
def sdk_provider(*exporters: Any, batch: bool = True) -> TracerProvider:
    """A provider with resource service.name=fixture-app sending to each exporter."""
    provider = TracerProvider(resource=Resource.create({"service.name": SERVICE}))
    for exporter in exporters:
        provider.add_span_processor(BatchSpanProcessor(exporter) if batch else SimpleSpanProcessor(exporter))
    return provider


def build_sdk_tree(tracer: Any) -> None:
    """The hand-made tree: agent-run > chat gpt-4o (LLM, tokens 12/7/19), calculator (TOOL),
    lookup (TOOL, status ERROR, exception ValueError: boom)."""
    with tracer.start_as_current_span("agent-run", attributes={
        "openinference.span.kind": "AGENT",
        "input.value": json.dumps({"question": "What is 2 + 3?"}),
        "input.mime_type": "application/json",
    }) as root:
        with tracer.start_as_current_span("chat gpt-4o", kind=SpanKind.CLIENT, attributes={
            "openinference.span.kind": "LLM",
            "llm.model_name": "gpt-4o",
            "llm.provider": "openai",
            "llm.input_messages.0.message.role": "user",
            "llm.input_messages.0.message.content": "What is 2 + 3?",
            "llm.output_messages.0.message.role": "assistant",
            "llm.output_messages.0.message.content": "Let me use the calculator.",
            "llm.token_count.prompt": 12,
            "llm.token_count.completion": 7,
            "llm.token_count.total": 19,
            "gen_ai.operation.name": "chat",
            "gen_ai.request.model": "gpt-4o",
            "gen_ai.usage.input_tokens": 12,
            "gen_ai.usage.output_tokens": 7,
        }):
            pass
        with tracer.start_as_current_span("calculator", attributes={
            "openinference.span.kind": "TOOL",
            "tool.name": "calculator",
            "input.value": "2 + 3",
            "output.value": "5",
        }):
            pass
        # record_exception and set_status by hand: the context manager would do both too,
        # but then raise; this is the shape every SDK produces for a failed operation.
        failing = tracer.start_span("lookup", attributes={"openinference.span.kind": "TOOL", "tool.name": "lookup"},
                                    record_exception=False, set_status_on_exception=False)
        try:
            raise ValueError("boom")
        except ValueError as error:
            failing.record_exception(error)
            failing.set_status(Status(StatusCode.ERROR, f"ValueError: {error}"))
        failing.end()
        root.set_attribute("output.value", "2 + 3 = 5")
        root.set_attribute("output.mime_type", "text/plain")


def post_json(endpoint: str, body: bytes, headers: Optional[Dict[str, str]] = None) -> int:
    """POST an OTLP/JSON body; the HTTP status."""
    import urllib.request

    request = urllib.request.Request(endpoint, data=body, method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status


def sdk_fixtures(out: pathlib.Path, recorder: Recorder) -> None:
    memory = InMemorySpanExporter()
    provider = sdk_provider(OTLPSpanExporter(endpoint=recorder.endpoint))
    provider.add_span_processor(SimpleSpanProcessor(memory))
    build_sdk_tree(provider.get_tracer("capture-otlp-fixtures", "1.0"))
    assert provider.force_flush(10_000), "the batch processor did not flush"
    write_requests(out / "sdk-protobuf.requests.jsonl", recorder.take())

    spans = memory.get_finished_spans()
    assert len(spans) == 4, spans
    gzip_exporter = OTLPSpanExporter(endpoint=recorder.endpoint, compression=Compression.Gzip)
    assert gzip_exporter.export(spans).name == "SUCCESS"
    gzip_exporter.shutdown()
    write_requests(out / "sdk-protobuf-gzip.requests.jsonl", recorder.take())

    assert post_json(recorder.endpoint, otlp_json(spans)) == 200
    write_requests(out / "sdk-json.requests.jsonl", recorder.take())
    provider.shutdown()


# --------------------------------------------------------------------------- 2./3. openinference
def instrument(provider: TracerProvider) -> Any:
    """openinference's LangChain instrumentor on provider; `.uninstrument()` it after."""
    from openinference.instrumentation.langchain import LangChainInstrumentor

    instrumentor = LangChainInstrumentor()
    instrumentor.instrument(tracer_provider=provider)
    return instrumentor


def usage(input_tokens: int, output_tokens: int) -> Dict[str, int]:
    return {"input_tokens": input_tokens, "output_tokens": output_tokens, "total_tokens": input_tokens + output_tokens}


def run_chain(handler: Any) -> str:
    """prompt | GenericFakeChatModel | StrOutputParser, invoked once with handler (usage 21/13)."""
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage
    from langchain_core.output_parsers import StrOutputParser
    from langchain_core.prompts import ChatPromptTemplate

    prompt = ChatPromptTemplate.from_messages([("system", "You are a comedian."), ("human", "Tell me a joke about {animal}.")])
    model = GenericFakeChatModel(messages=iter([AIMessage(
        content="Why did the owl go to school? To get a little wiser.",
        usage_metadata=usage(21, 13), response_metadata={"finish_reason": "stop", "model_name": "fake-joker"})]))
    chain = prompt | model | StrOutputParser()
    answer = chain.invoke({"animal": "owls"}, config={
        "callbacks": [handler], "tags": ["fixture"], "metadata": {"fixture": "langchain-chain"}})
    assert "owl" in answer, answer
    return answer


def run_agent(handler: Any) -> str:
    """create_agent on the fake tool-calling model with one tool (get_weather), invoked once:
    a tool call (usage 40/9), the tool, an answer (usage 62/6)."""
    examples = str(ROOT / "integrations" / "python" / "examples")
    if examples not in sys.path:
        sys.path.insert(0, examples)
    from agent_fakes import SYSTEM_PROMPT, GenericFakeChatModel, call, get_weather
    from langchain.agents import create_agent
    from langchain_core.messages import AIMessage

    model = GenericFakeChatModel(messages=iter([
        AIMessage(content="Let me check.", tool_calls=[call("get_weather", "call_1", city="Paris")],
                  usage_metadata=usage(40, 9)),
        AIMessage(content="It is sunny in Paris.", usage_metadata=usage(62, 6)),
    ]))
    agent = create_agent(model, [get_weather], system_prompt=SYSTEM_PROMPT)
    state = agent.invoke({"messages": [("human", "What is the weather in Paris?")]}, config={
        "callbacks": [handler], "metadata": {"fixture": "langgraph-agent"}})
    answer = state["messages"][-1].content
    assert answer == "It is sunny in Paris.", state
    return answer


def capture_instrumented(out: pathlib.Path, recorder: Recorder, name: str, run: Callable[[Any], str]) -> None:
    """run under openinference, each span sent as it ends (SimpleSpanProcessor, as Phoenix's
    `register()` does by default: children arrive before their parents), while
    RunscopeCallbackHandler writes the same invocation's event log."""
    from runscope_langchain import RunscopeCallbackHandler

    provider = sdk_provider(OTLPSpanExporter(endpoint=recorder.endpoint), batch=False)
    instrumentor = instrument(provider)
    try:
        with RunscopeCallbackHandler(out / f"{name}.events.jsonl", mode="w") as handler:
            run(handler)
        provider.force_flush(10_000)
    finally:
        instrumentor.uninstrument()
        provider.shutdown()
    write_requests(out / f"{name}.requests.jsonl", recorder.take())


def main(argv: List[str]) -> int:
    out = pathlib.Path(argv[0]).resolve() if argv else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    recorder = Recorder()
    try:
        sdk_fixtures(out, recorder)
        capture_instrumented(out, recorder, "langchain-chain", run_chain)
        capture_instrumented(out, recorder, "langgraph-agent", run_agent)
    finally:
        recorder.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
