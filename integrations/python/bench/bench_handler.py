"""What runscope's handler costs a streaming LangChain app, against no handler and a no-op one.

    python integrations/python/bench/bench_handler.py [--rounds 100] [--words 1000]
    runscope exec --no-tui -- python integrations/python/bench/bench_handler.py --zero-code

Streams ``prompt | GenericFakeChatModel(WORDS words) | StrOutputParser`` with ``stream()``
in interleaved rounds in one process, the order turning each round: no handler, a no-op
handler, and one RunscopeCallbackHandler (writing a temporary file) for every round, as
an app keeps one. Prints JSON: the medians of milliseconds per stream, and our extra cost
per token over the no-op handler and the ratio of the totals, each the median of the
rounds' own (a round streams the three kinds back to back, so the machine's drift
cancels), with its quartiles (``_q1``/``_q3``: how far the noise spreads the rounds);
the same in CPU time of the whole process (the writer thread's included). The handler's
flush() after each stream is inside the measured time; the collector runs before each
stream, so that no full collection lands in one kind's time.

``--zero-code``, run under ``runscope exec``: the runscope kind is the handler the
zero-code hook attaches (no callbacks passed; it writes to runscope's socket, and its
flush() is inside the measured time); the other kinds run with the hook taken out.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate

from runscope_langchain import RunscopeCallbackHandler, _writer


class NoOpHandler(BaseCallbackHandler):
    """Receives every callback and does nothing (what LangChain's dispatch costs)."""


def stream_once(text: str, callbacks: Optional[List[Any]]) -> int:
    """Streams the chain once; returns the number of chunks."""
    prompt = ChatPromptTemplate.from_messages([("human", "Tell me about {topic}")])
    chain = prompt | GenericFakeChatModel(messages=iter([AIMessage(content=text)])) | StrOutputParser()
    config = {"callbacks": callbacks} if callbacks else {}
    return sum(1 for _ in chain.stream({"topic": "bears"}, config=config))


def measure(text: str, make: Any, finish: Optional[Any] = None) -> tuple[float, float, int]:
    """Wall and CPU seconds (every thread of the process, the writer's too) of one stream;
    ``finish`` (timed too) runs after it."""
    callbacks = make()
    gc.collect()  # each stream starts from the same collector state (a full collection would land in one kind's time)
    start, cpu = time.perf_counter(), time.process_time()
    chunks = stream_once(text, callbacks)
    if finish is not None:
        finish()
    return time.perf_counter() - start, time.process_time() - cpu, chunks


class ZeroCode:
    """The zero-code hook of ``runscope exec``: switched on for the runscope kind only."""

    def __init__(self) -> None:
        if not os.environ.get("RUNSCOPE_EVENTS"):
            sys.exit("--zero-code runs under runscope exec: runscope exec --no-tui -- python " + sys.argv[0] + " --zero-code")
        from langchain_core.tracers import context  # noqa: PLC0415

        self.hooks = context._configure_hooks  # noqa: SLF001
        found = [hook for hook in self.hooks if hook[2] is not None and hook[2].__name__ == "ZeroCodeHandler"]
        if not found:
            sys.exit("the zero-code hook is not registered: is runscope-langchain installed in this Python?")
        self.hook = found[0]
        self.handler = self.hook[0].get()

    def off(self) -> None:
        if self.hook in self.hooks:
            self.hooks.remove(self.hook)

    def none(self) -> None:
        self.off()

    def noop(self) -> List[Any]:
        self.off()
        return [NoOpHandler()]

    def runscope(self) -> None:
        if self.hook not in self.hooks:
            self.hooks.append(self.hook)

    def finish(self, kind: str) -> Optional[Any]:
        """What runs after the runscope kind's stream: the shared handler is flushed, not closed."""
        return self.handler.flush if kind == "runscope" else None


def quartiles(values: List[float]) -> tuple[float, float, float]:
    """The first quartile, median and third quartile."""
    if len(values) < 2:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4)
    return q1, q2, q3


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--zero-code", action="store_true", help="measure the handler runscope exec attaches")
    parser.add_argument("--flush-interval", type=float, help="the writer's wake-up interval in seconds (to compare)")
    args = parser.parse_args(argv)
    if args.flush_interval is not None:
        _writer.FLUSH_INTERVAL = args.flush_interval
    text = " ".join(f"word{i}" for i in range(args.words))
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "bench.jsonl"
        finish: Any = lambda kind: None  # noqa: E731
        if args.zero_code:
            hook = ZeroCode()
            kinds: Dict[str, Any] = {"none": hook.none, "noop": hook.noop, "runscope": hook.runscope}
            finish = hook.finish
        else:
            # One handler for every round, as an app keeps one (and as the zero-code hook does).
            shared = RunscopeCallbackHandler(str(log), mode="w")
            kinds = {
                "none": lambda: None,
                "noop": lambda: [NoOpHandler()],
                "runscope": lambda: [shared],
            }
            finish = lambda kind: shared.flush if kind == "runscope" else None  # noqa: E731
        for kind, make in kinds.items():  # warm up
            measure(text, make, finish(kind))
        times: Dict[str, List[float]] = {kind: [] for kind in kinds}
        cpu: Dict[str, List[float]] = {kind: [] for kind in kinds}
        chunks = 0
        order = list(kinds)
        for round_index in range(args.rounds):
            turn = round_index % len(order)  # the order turns, so no kind always follows another
            for kind in order[turn:] + order[:turn]:
                elapsed, used, chunks = measure(text, kinds[kind], finish(kind))
                times[kind].append(elapsed)
                cpu[kind].append(used)
        if not args.zero_code:
            shared.close()
        lines = 0 if args.zero_code else sum(1 for _ in log.open())
    result: Dict[str, Any] = {"rounds": args.rounds, "tokens": chunks, "lines_written": lines,
                              "mode": "zero-code" if args.zero_code else "handler",
                              "flush_interval_s": _writer.FLUSH_INTERVAL}
    for clock, samples in (("", times), ("cpu_", cpu)):
        for kind in kinds:
            result[f"{clock}{kind}_ms"] = round(statistics.median(samples[kind]) * 1e3, 3)
        extra = [(ours - noop) / chunks * 1e6 for ours, noop in zip(samples["runscope"], samples["noop"])]
        ratio = [ours / noop for ours, noop in zip(samples["runscope"], samples["noop"])]
        for name, values, digits in (("extra_us_per_token_vs_noop", extra, 3), ("ratio_vs_noop", ratio, 3)):
            q1, q2, q3 = quartiles(values)
            result[f"{clock}{name}"] = round(q2, digits)
            result[f"{clock}{name}_q1"] = round(q1, digits)
            result[f"{clock}{name}_q3"] = round(q3, digits)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
