"""runscope's founding example in Python: prompt | chat model | parser, streamed.

    python joke.py                  # the event log on stdout
    python joke.py | runscope tail -
    python joke.py run.jsonl        # or into a file, then: runscope replay run.jsonl

Runs offline on LangChain's GenericFakeChatModel; the answer goes to stderr.
"""

from __future__ import annotations

import sys
from typing import Any, Optional, Sequence

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable

from runscope_langchain import RunscopeCallbackHandler

ANSWER = "Why don't bears wear shoes? Because they have bear feet!"
INPUT = {"animal": "bears"}


def build_chain(answer: str = ANSWER) -> Runnable[Any, str]:
    prompt = ChatPromptTemplate.from_messages(
        [("system", "You are a terse comedian."), ("human", "Tell me a joke about {animal}")]
    )
    model = GenericFakeChatModel(messages=iter([AIMessage(content=answer)]))
    return prompt | model | StrOutputParser()


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    target = args[0] if args else sys.stdout
    with RunscopeCallbackHandler(target) as handler:
        chunks = [c for c in build_chain().stream(INPUT, config={"callbacks": [handler]})]
    print("".join(chunks), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
