"""Watch LangChain runs live in runscope.

``RunscopeCallbackHandler`` (and its async twin) writes runscope's event log,
one JSON object per LangChain callback, so ``python app.py | runscope tail -``
shows the run as it happens and ``runscope replay run.jsonl`` replays it.
"""

from .handler import EVENT_LOG_VERSION, AsyncRunscopeCallbackHandler, RunscopeCallbackHandler, Target

__version__ = "0.1.0"

__all__ = [
    "EVENT_LOG_VERSION",
    "AsyncRunscopeCallbackHandler",
    "RunscopeCallbackHandler",
    "Target",
    "__version__",
]
