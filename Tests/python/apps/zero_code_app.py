"""A LangChain program with no runscope in it, for `runscope exec -- python zero_code_app.py`.

A prompt | model | parser chain streamed, the same chain in a thread and in an asyncio
task, and a ``create_agent`` agent on the fake tool-calling model of the examples; it
prints its answers on stdout. ``main(callbacks)`` lets the tests run the very same
program with an explicit ``RunscopeCallbackHandler`` to compare the logs.
``ZERO_CODE_APP_PAUSE`` (seconds) pauses between the parts, so a UI test sees the runs grow.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "integrations" / "python" / "examples"))

from langchain.agents import create_agent  # noqa: E402
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel  # noqa: E402
from langchain_core.messages import AIMessage  # noqa: E402
from langchain_core.output_parsers import StrOutputParser  # noqa: E402
from langchain_core.prompts import ChatPromptTemplate  # noqa: E402

from agent_fakes import SYSTEM_PROMPT, case_input, case_options, case_tools, scripted_model  # noqa: E402

ANSWERS = {
    "bears": "Why don't bears wear shoes? Because they have bear feet!",
    "owls": "Owls are a hoot.",
    "cats": "Cats rule the internet.",
}


def joke_chain(animal: str) -> Any:
    prompt = ChatPromptTemplate.from_messages(
        [("system", "You are a terse comedian."), ("human", "Tell me a joke about {animal}")])
    model = GenericFakeChatModel(messages=iter([AIMessage(content=ANSWERS[animal])]))
    return prompt | model | StrOutputParser()


def pause() -> None:
    time.sleep(float(os.environ.get("ZERO_CODE_APP_PAUSE", "0")))


def main(callbacks: Optional[List[Any]] = None) -> int:
    config = {"callbacks": callbacks} if callbacks else {}
    print("streamed:", "".join(joke_chain("bears").stream({"animal": "bears"}, config=config)), flush=True)
    pause()
    answers: List[str] = []
    thread = threading.Thread(target=lambda: answers.append(joke_chain("owls").invoke({"animal": "owls"}, config=config)))
    thread.start()
    thread.join()
    print("thread:", answers[0], flush=True)
    pause()

    async def in_task() -> str:
        return await asyncio.create_task(joke_chain("cats").ainvoke({"animal": "cats"}, config=config))

    print("task:", asyncio.run(in_task()), flush=True)
    pause()
    agent = create_agent(scripted_model("one_tool"), case_tools("one_tool"), system_prompt=SYSTEM_PROMPT,
                         **case_options("one_tool"))
    state = agent.invoke(case_input("one_tool"), config=config)
    print("agent:", state["messages"][-1].content, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
