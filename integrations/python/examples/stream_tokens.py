"""Tokens as they arrive: an async chain streamed with the async handler.

    python stream_tokens.py | runscope tail -
    python stream_tokens.py run.jsonl

The consumer pauses a little between chunks (set RUNSCOPE_TOKEN_DELAY, in
seconds; default 0.03) so the tokens trickle in like a real model's. Runs
offline on LangChain's GenericFakeChatModel; the tokens are echoed to stderr.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any, Optional, Sequence

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable

from runscope_langchain import AsyncRunscopeCallbackHandler

ANSWER = (
    "Streaming lets you watch a model think: each token lands in the log "
    "the moment the model produces it, so runscope can show it live."
)
INPUT = {"topic": "streaming"}


def build_chain() -> Runnable[Any, str]:
    prompt = ChatPromptTemplate.from_messages([("human", "Explain {topic} in one sentence.")])
    model = GenericFakeChatModel(messages=iter([AIMessage(content=ANSWER)]))
    return prompt | model | StrOutputParser()


async def run(target: Any, delay: float) -> str:
    parts = []
    with AsyncRunscopeCallbackHandler(target) as handler:
        async for chunk in build_chain().astream(INPUT, config={"callbacks": [handler]}):
            parts.append(chunk)
            print(chunk, end="", file=sys.stderr, flush=True)
            if delay:
                await asyncio.sleep(delay)
    print(file=sys.stderr)
    return "".join(parts)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    target = args[0] if args else sys.stdout
    delay = float(os.environ.get("RUNSCOPE_TOKEN_DELAY", "0.03"))
    asyncio.run(run(target, delay))
    return 0


if __name__ == "__main__":
    sys.exit(main())
