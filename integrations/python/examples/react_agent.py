"""The same agents built with LangGraph's prebuilt ``create_react_agent``.

    python react_agent.py | runscope tail -
    python react_agent.py run.jsonl --case one_tool --mode invoke

Takes the options of agent.py. Its graph has the nodes ``agent`` and ``tools``
(``create_agent`` names them ``model`` and ``tools``), and each ``agent`` step
also traces ``call_model``, the prompt and model sequence and ``should_continue``.
"""

from __future__ import annotations

import sys
import warnings
from typing import Any, Optional, Sequence

import agent
from agent_fakes import SYSTEM_PROMPT, case_options, case_tools, scripted_model


def build_react_agent(case: str) -> Any:
    """``create_react_agent`` on the case's scripted model and tools."""
    from langgraph.prebuilt import create_react_agent

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecated in LangGraph 1.x in favour of create_agent
        return create_react_agent(scripted_model(case), case_tools(case), prompt=SYSTEM_PROMPT, **case_options(case))


def main(argv: Optional[Sequence[str]] = None) -> int:
    return agent.main(argv, builder=build_react_agent)


if __name__ == "__main__":
    sys.exit(main())
