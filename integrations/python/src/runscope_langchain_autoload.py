"""Zero-code tracing: loaded at interpreter start by ``runscope_langchain_autoload.pth``
only when ``RUNSCOPE_EVENTS`` is set (``runscope exec`` / ``runscope -- COMMAND`` sets it).

It says hello on the event channel at once (so runscope knows the package is installed),
then waits for LangChain: when ``langchain_core.tracers.context`` is imported, it
registers a configure hook (LangChain's own mechanism, the one LangSmith's tracer uses)
whose context variable holds one shared ``RunscopeCallbackHandler``, so every run of
every chain, agent and graph, in any thread or task, reports to runscope.

``RUNSCOPE_EVENTS`` is ``unix:PATH`` (a Unix socket runscope listens on), ``fd:N`` (an
inherited file descriptor), or a file path (appended to). Nothing is written to the
program's stdout. This module imports nothing from LangChain until LangChain is imported.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import json
import os
import socket
import sys
import threading
from typing import Any, Optional

ENV_VAR = "RUNSCOPE_EVENTS"
_TARGET_MODULE = "langchain_core.tracers.context"

_lock = threading.Lock()
_stream: Optional[Any] = None
_registered = False


class _Socket:
    """A text stream over a connected socket: each write is one ``sendall`` of its UTF-8.

    The handler's writer hands over a whole batch at a time; one call lets go of the GIL
    once, where a buffered ``makefile`` stream sends in pieces of 8 KB and must win the
    GIL back from the app's threads after each.
    """

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def write(self, text: str) -> int:
        self.sock.sendall(text.encode("utf-8"))
        return len(text)

    def flush(self) -> None:
        """Nothing is buffered."""


def _open(spec: str) -> Any:
    """The text stream for ``spec``: a socket, a descriptor or a file."""
    if spec.startswith("unix:"):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(spec[len("unix:"):])
        return _Socket(sock)
    if spec.startswith("fd:"):
        return os.fdopen(int(spec[len("fd:"):]), "w", encoding="utf-8", newline="\n", closefd=False)
    return open(spec, "a", encoding="utf-8", newline="\n")  # noqa: SIM115


class _Channel:
    """A file-like object over the event channel, reopened in a forked child so
    parent and child never share one connection (their lines would interleave)."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self.stream = _open(spec)

    def write(self, text: str) -> int:
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def reopen(self) -> None:
        self.stream = _open(self.spec)
        _hello(self)


def _hello(channel: Any) -> None:
    line = {"v": 1, "event": "runscope_hello", "pid": os.getpid(), "python": sys.executable,
            "package": "runscope-langchain"}
    channel.write(json.dumps(line, separators=(",", ":")) + "\n")
    channel.flush()


def register() -> None:
    """Attaches the shared handler through LangChain's configure hook (once)."""
    global _registered
    with _lock:
        if _registered or _stream is None:
            return
        _registered = True
    from contextvars import ContextVar  # noqa: PLC0415

    from langchain_core.tracers.context import register_configure_hook  # noqa: PLC0415

    from runscope_langchain.handler import RunscopeCallbackHandler  # noqa: PLC0415

    class ZeroCodeHandler(RunscopeCallbackHandler):
        """The handler ``runscope exec`` attaches: one per process, shared by every run."""

    handler = ZeroCodeHandler(_stream)
    # The default is the handler itself, so every thread and task (whatever its
    # context) sees it; the class keeps LangChain from adding it twice.
    var: ContextVar[Any] = ContextVar("runscope_zero_code_handler", default=handler)
    register_configure_hook(var, inheritable=True, handle_class=ZeroCodeHandler, env_var=ENV_VAR)


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs ``register`` right after ``langchain_core.tracers.context`` is executed."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != _TARGET_MODULE:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: Any) -> None:
            original(module)
            register()

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _install() -> None:
    global _stream
    spec = os.environ.get(ENV_VAR)
    if not spec:
        return
    try:
        _stream = _Channel(spec)
        _hello(_stream)
    except OSError as exc:
        sys.stderr.write(f"runscope: cannot open the event channel {spec!r} ({exc}); not tracing\n")
        _stream = None
        return
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_stream.reopen)
    if _TARGET_MODULE in sys.modules:
        register()
    else:
        sys.meta_path.insert(0, _AfterImport())


_install()
