"""Two chains side by side: RunnableParallel(joke=..., poem=...), streamed.

    python parallel.py | runscope tail -
    python parallel.py run.jsonl

LangChain runs the branches on executor threads; their lines never interleave.
Runs offline on LangChain's GenericFakeChatModel; the answers go to stderr.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Dict, Optional, Sequence

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableParallel

from runscope_langchain import RunscopeCallbackHandler

JOKE = "Why did the cat sit on the computer? To keep an eye on the mouse."
POEM = "Soft paws at dawn,\nwhiskers in the window light,\na purr, then gone."
INPUT = {"animal": "cats"}


def build_chain() -> Runnable[Any, Dict[str, str]]:
    joke = (
        ChatPromptTemplate.from_messages([("human", "Tell me a joke about {animal}")])
        | GenericFakeChatModel(messages=iter([AIMessage(content=JOKE)]))
        | StrOutputParser()
    )
    poem = (
        ChatPromptTemplate.from_messages([("human", "Write a short poem about {animal}")])
        | GenericFakeChatModel(messages=iter([AIMessage(content=POEM)]))
        | StrOutputParser()
    )
    return RunnableParallel(joke=joke, poem=poem)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    target = args[0] if args else sys.stdout
    result: Dict[str, str] = {}
    with RunscopeCallbackHandler(target) as handler:
        for chunk in build_chain().stream(INPUT, config={"callbacks": [handler]}):
            for key, text in chunk.items():
                result[key] = result.get(key, "") + text
    print(json.dumps(result, indent=2), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
