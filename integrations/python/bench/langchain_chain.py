"""LangChain's own speed on runscope-bench's chains, for the ratio runscope-bench reports.

    python integrations/python/bench/langchain_chain.py [--rounds 30] [--invokes 2000]

Streams ``prompt | GenericFakeChatModel(1000 words) | StrOutputParser`` with ``stream()``
and no handler (1999 chunks), and invokes ``prompt | GenericFakeChatModel("ok") |
StrOutputParser`` with no handler, the chains runscope-bench runs in Swift. Prints JSON:
the best round of each (as runscope-bench takes its own best), in microseconds per
streamed chunk and per invoke. ``runscope-bench`` runs it in the same run as its own
figures when ``RUNSCOPE_PYTHON`` names a Python with LangChain.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from typing import List, Optional

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate


def stream_seconds(text: str) -> tuple[float, int]:
    """One stream of the long answer: seconds and chunks."""
    chain = ChatPromptTemplate.from_template("Say {x}") | GenericFakeChatModel(messages=iter([AIMessage(content=text)])) \
        | StrOutputParser()
    gc.collect()
    start = time.perf_counter()
    chunks = sum(1 for _ in chain.stream({"x": "hi"}))
    return time.perf_counter() - start, chunks


def invoke_seconds(invokes: int) -> float:
    """``invokes`` invokes of the short chain (its model answers "ok" each time)."""
    prompt = ChatPromptTemplate.from_template("Say {x}")
    model = GenericFakeChatModel(messages=iter([AIMessage(content="ok")] * invokes))
    chain = prompt | model | StrOutputParser()
    gc.collect()
    start = time.perf_counter()
    for _ in range(invokes):
        chain.invoke({"x": "hi"})
    return time.perf_counter() - start


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--invokes", type=int, default=2000)
    args = parser.parse_args(argv)
    text = " ".join(f"word{i}" for i in range(1000))
    streams = [stream_seconds(text) for _ in range(args.rounds)]
    best_stream, chunks = min(streams)
    best_invoke = min(invoke_seconds(args.invokes) for _ in range(3))
    print(json.dumps({
        "chunks": chunks,
        "stream_us_per_token_no_handler": round(best_stream / chunks * 1e6, 3),
        "invoke_us_per_call_no_handler": round(best_invoke / args.invokes * 1e6, 3),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
