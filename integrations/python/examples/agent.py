"""A LangChain 1.x agent (``create_agent``) watched live in runscope.

    python agent.py | runscope tail -
    python agent.py run.jsonl --case parallel_tools --mode invoke

The agent runs offline on a fake tool-calling chat model (agent_fakes.py). Cases:
``tour`` (the default: parallel calls, a second step, a handled tool error, an
answer), ``one_tool``, ``parallel_tools``, ``sequential_steps``,
``handled_tool_error``, ``unhandled_tool_error``, ``unknown_tool`` (a call to a
tool the agent does not have), ``invalid_args`` (arguments the tool rejects),
``step_limit`` (LangGraph's recursion limit 5), ``interrupt`` (a tool pauses the
agent with ``interrupt()``; a second call resumes it) and ``named``
(``name="weather_agent"``). ``--mode stream`` (the default) streams the model's
tokens (``stream_mode="messages"``), pausing RUNSCOPE_TOKEN_DELAY seconds
(default 0.03) between chunks so they trickle in; ``--mode invoke`` calls
``agent.invoke``. Exits 1 if the agent raised.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any, Optional, Sequence

from langchain.agents import create_agent
from langgraph.types import Command

from agent_fakes import CONFIG, RESUME, SCRIPTS, SYSTEM_PROMPT, case_input, case_options, case_tools, scripted_model
from runscope_langchain import RunscopeCallbackHandler


def build_agent(case: str) -> Any:
    """``create_agent`` on the case's scripted model and tools."""
    return create_agent(scripted_model(case), case_tools(case), system_prompt=SYSTEM_PROMPT, **case_options(case))


def run(agent: Any, case: str, mode: str, handler: Any, delay: float) -> None:
    config = {"callbacks": [handler], **CONFIG.get(case, {})}
    inputs = [case_input(case)] + ([Command(resume=RESUME[case])] if case in RESUME else [])
    for value in inputs:  # a paused agent is resumed with a second call on the same thread
        if mode == "invoke":
            state = agent.invoke(value, config=config)
            print(state["messages"][-1].content, file=sys.stderr)
            continue
        for message, _metadata in agent.stream(value, stream_mode="messages", config=config):
            text = f"\n[{message.name}] {message.content}\n" if message.type == "tool" else message.content
            print(text, end="", file=sys.stderr, flush=True)
            if delay:
                time.sleep(delay)
        print(file=sys.stderr)


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", nargs="?", help="the event log to write (default: stdout)")
    parser.add_argument("--case", choices=sorted(SCRIPTS), default="tour")
    parser.add_argument("--mode", choices=("invoke", "stream"), default="stream")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None, builder: Any = build_agent) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    delay = float(os.environ.get("RUNSCOPE_TOKEN_DELAY", "0.03"))
    with RunscopeCallbackHandler(args.log or sys.stdout) as handler:
        try:
            run(builder(args.case), args.case, args.mode, handler, delay)
        except Exception as exc:  # noqa: BLE001 - report any agent failure, exit 1
            print(f"agent failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
