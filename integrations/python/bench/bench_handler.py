"""What runscope's handler costs a streaming LangChain app, against no handler and a no-op one.

    python integrations/python/bench/bench_handler.py [--rounds 15] [--words 1000]

Streams ``prompt | GenericFakeChatModel(WORDS words) | StrOutputParser`` with ``stream()``,
in interleaved rounds in one process (no handler, a no-op handler, RunscopeCallbackHandler
writing to a temporary file), and prints the medians as JSON: milliseconds per stream,
and our extra cost per token over the no-op handler and the ratio of the totals; the
same in CPU time of the whole process (the writer thread's included), steadier on a
busy machine. The handler's close() is inside the measured time.
"""

from __future__ import annotations

import argparse
import json
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

from runscope_langchain import RunscopeCallbackHandler


class NoOpHandler(BaseCallbackHandler):
    """Receives every callback and does nothing (what LangChain's dispatch costs)."""


def stream_once(text: str, callbacks: Optional[List[Any]]) -> int:
    """Streams the chain once; returns the number of chunks."""
    prompt = ChatPromptTemplate.from_messages([("human", "Tell me about {topic}")])
    chain = prompt | GenericFakeChatModel(messages=iter([AIMessage(content=text)])) | StrOutputParser()
    config = {"callbacks": callbacks} if callbacks else {}
    return sum(1 for _ in chain.stream({"topic": "bears"}, config=config))


def measure(text: str, make: Any) -> tuple[float, float, int]:
    """Wall and CPU seconds (every thread of the process, the writer's too) of one stream."""
    callbacks = make()
    start, cpu = time.perf_counter(), time.process_time()
    chunks = stream_once(text, callbacks)
    for handler in callbacks or []:
        if hasattr(handler, "close"):
            handler.close()
    return time.perf_counter() - start, time.process_time() - cpu, chunks


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args(argv)
    text = " ".join(f"word{i}" for i in range(args.words))
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "bench.jsonl"
        kinds = {
            "none": lambda: None,
            "noop": lambda: [NoOpHandler()],
            "runscope": lambda: [RunscopeCallbackHandler(str(log), mode="w")],
        }
        for make in kinds.values():  # warm up
            measure(text, make)
        times: Dict[str, List[float]] = {kind: [] for kind in kinds}
        cpu: Dict[str, List[float]] = {kind: [] for kind in kinds}
        chunks = 0
        for _ in range(args.rounds):
            for kind, make in kinds.items():
                elapsed, used, chunks = measure(text, make)
                times[kind].append(elapsed)
                cpu[kind].append(used)
        lines = sum(1 for _ in log.open())
    median = {kind: statistics.median(values) for kind, values in times.items()}
    cpu_median = {kind: statistics.median(values) for kind, values in cpu.items()}
    result = {
        "rounds": args.rounds,
        "tokens": chunks,
        "lines_written": lines,
        "none_ms": round(median["none"] * 1e3, 3),
        "noop_ms": round(median["noop"] * 1e3, 3),
        "runscope_ms": round(median["runscope"] * 1e3, 3),
        "extra_us_per_token_vs_noop": round((median["runscope"] - median["noop"]) / chunks * 1e6, 3),
        "ratio_vs_noop": round(median["runscope"] / median["noop"], 3),
        "cpu_none_ms": round(cpu_median["none"] * 1e3, 3),
        "cpu_noop_ms": round(cpu_median["noop"] * 1e3, 3),
        "cpu_runscope_ms": round(cpu_median["runscope"] * 1e3, 3),
        "cpu_extra_us_per_token_vs_noop": round((cpu_median["runscope"] - cpu_median["noop"]) / chunks * 1e6, 3),
        "cpu_ratio_vs_noop": round(cpu_median["runscope"] / cpu_median["noop"], 3),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
