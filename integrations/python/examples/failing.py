"""A chain whose last step raises: it and every enclosing run end with on_chain_error.

    python failing.py | runscope tail -
    python failing.py run.jsonl

Exits with status 1 after writing the log; the error goes to stderr.
"""

from __future__ import annotations

import sys
from typing import Any, Optional, Sequence

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableLambda

from runscope_langchain import RunscopeCallbackHandler

ANSWER = "Why don't bears wear shoes? Because they have bear feet!"
INPUT = {"animal": "bears"}


def tidy(text: str) -> str:
    return text.strip()


def explode(text: str) -> str:
    msg = f"cannot post-process: {text[:20]}"
    raise ValueError(msg)


def build_chain() -> Runnable[Any, str]:
    prompt = ChatPromptTemplate.from_messages(
        [("system", "You are a terse comedian."), ("human", "Tell me a joke about {animal}")]
    )
    model = GenericFakeChatModel(messages=iter([AIMessage(content=ANSWER)]))
    # a named inner sequence, so the error unwinds through two enclosing runs
    postprocess = (RunnableLambda(tidy) | RunnableLambda(explode)).with_config(run_name="postprocess")
    return prompt | model | StrOutputParser() | postprocess


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    target = args[0] if args else sys.stdout
    with RunscopeCallbackHandler(target) as handler:
        try:
            build_chain().invoke(INPUT, config={"callbacks": [handler]})
        except ValueError as exc:
            print(f"chain failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
