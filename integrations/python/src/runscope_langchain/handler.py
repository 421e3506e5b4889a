"""LangChain callback handlers that write runscope's event log (format v1).

One JSON object per callback, one per line; see ``docs/event-log.md`` in the runscope
repository for the format. The callbacks only queue their lines (a token's pieces are
queued raw); a writer thread writes them in batches (``_writer.py``), and everything is
written and flushed when a root run ends, at ``close()`` and at interpreter exit.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Dict, List, Optional, Sequence, TypeVar, Union
from uuid import UUID

from langchain_core.callbacks.base import AsyncCallbackHandler, BaseCallbackHandler

from . import _writer
from ._serialize import (
    encode,
    error_value,
    retry_value,
    serialize,
    serialize_llm_result,
    serialize_plain,
)

__all__ = ["EVENT_LOG_VERSION", "AsyncRunscopeCallbackHandler", "RunscopeCallbackHandler", "Target"]

#: The format version written in every line's ``v``.
EVENT_LOG_VERSION = 1

#: Where the log goes: a path (``str`` / ``os.PathLike``), ``"-"`` for stdout,
#: or an open text file object.
Target = Union[str, "os.PathLike[str]", IO[str]]

logger = logging.getLogger("runscope_langchain")

_CHAIN_RUN_TYPES = {"chain", "prompt", "parser"}

_now = time.time

#: A line's head (run ids, names, tags, time: always plain JSON).
_HEAD_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

_F = TypeVar("_F", bound=Callable[..., None])


@dataclass
class _Run:
    """What the end, token and error events need but LangChain does not resend."""

    name: str
    run_type: str
    tags: List[str] = field(default_factory=list)
    parent_run_id: Optional[str] = None


def _id(value: Any) -> Optional[str]:
    return None if value is None else str(value).lower()


def _resolve_name(name: Any, serialized: Any, default: str) -> str:
    """LangChain's rule: the ``name`` kwarg, else ``serialized["name"]``, else
    ``serialized["id"][-1]``, else ``default``."""
    if isinstance(name, str) and name:
        return name
    if isinstance(serialized, dict):
        candidate = serialized.get("name")
        if isinstance(candidate, str) and candidate:
            return candidate
        ids = serialized.get("id")
        if isinstance(ids, (list, tuple)) and ids and isinstance(ids[-1], str):
            return ids[-1]
    return default


def _guarded(method: _F) -> _F:
    """Never let a logging problem break the user's chain (unless raise_error).
    Returns what the method returns (whether a root run ended), else ``False``."""

    @functools.wraps(method)
    def wrapper(self: _EventLogCore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            if getattr(self, "raise_error", False):
                raise
            self._warn_once(f"runscope: could not record {method.__name__.lstrip('_')}: {exc!r}")
            return False

    return wrapper  # type: ignore[return-value]


class _EventLogCore:
    """The writer and the run state shared by the sync and async handlers."""

    raise_error: bool = False
    run_inline: bool = True
    #: Whether a root run's end writes the queue on the calling thread (the sync
    #: handler); the async handler awaits it off the event loop instead.
    _inline_flush: bool = True

    def __init__(self, target: Target, *, mode: str = "a", raise_error: bool = False) -> None:
        if target is None:
            msg = (
                "RunscopeCallbackHandler needs a target: a path such as 'run.jsonl', "
                "'-' for stdout, or a file object such as sys.stdout"
            )
            raise TypeError(msg)
        if mode not in ("a", "w"):
            msg = f"mode must be 'a' (append) or 'w' (truncate), not {mode!r}"
            raise ValueError(msg)
        self._owns_stream = False
        self.path: Optional[str] = None
        if isinstance(target, (str, os.PathLike)) and os.fspath(target) == "-":
            self._stream: IO[str] = sys.stdout
        elif isinstance(target, (str, os.PathLike)):
            self.path = os.fspath(target)
            self._stream = open(self.path, mode, encoding="utf-8", newline="\n")  # noqa: SIM115
            self._owns_stream = True
        elif hasattr(target, "write"):
            self._stream = target
        else:
            msg = f"target must be a path or a text file object, not {type(target).__name__}"
            raise TypeError(msg)
        self.raise_error = raise_error
        self._lock = threading.Lock()
        self._runs: Dict[str, _Run] = {}
        self._heads: Dict[Any, tuple] = {}
        self._closed = False
        self._error: Optional[BaseException] = None
        self._warned: set[str] = set()
        self._writer = _writer.BatchWriter(self._stream, self._token_head, self._forget, self._write_failed)
        self._queue = self._writer.queue

    # output ------------------------------------------------------------------

    def close(self) -> None:
        """Write what is queued, flush, and close the file if the handler opened it (a path target)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._writer.close()
        try:
            self._stream.flush()
        except Exception:  # noqa: BLE001
            pass
        if self._owns_stream:
            self._stream.close()

    def flush(self) -> None:
        """Write and flush every queued line now (raises a failed write with ``raise_error``)."""
        self._writer.drain()
        if self._error is not None and self.raise_error:
            error, self._error = self._error, None
            raise error

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _warn_once(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            logger.warning(message)

    def _write_failed(self, exc: BaseException) -> None:
        """The writer could not write: stop writing rather than failing every later callback."""
        if self.raise_error:
            self._error = exc
        else:
            self._warn_once(f"runscope: event log closed ({exc!r}); no further events are written")

    def _enqueue(self, line: str, finished: Optional[tuple] = None) -> None:
        """Queue a formatted line; ``finished``: the run whose end it is (forgotten once written)."""
        if not self._closed:
            self._queue.append((line, finished))

    def _forget(self, finished: tuple) -> None:
        """On the writer thread, once a run's end line is written."""
        with self._lock:
            self._runs.pop(finished[0], None)
        self._heads.pop(finished[1], None)

    def _token(self, token: Any, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        """The hot path: queue the token's pieces; the writer thread formats them."""
        if not isinstance(token, str):
            token = serialize_plain(token)
        self._queue.append((run_id, parent_run_id, tags, token, _now()))

    def _token_head(self, run_id: Any, parent_run_id: Any, tags: Any) -> str:
        """A queued token's line up to its time (on the writer thread), made once per run."""
        cached = self._heads.get(run_id)
        # LangChain passes the same parent id and tags objects for every token of a run.
        if cached is None or (cached[0] is not parent_run_id and cached[0] != parent_run_id) or \
                (cached[1] is not tags and cached[1] != tags):
            rid = _id(run_id)
            run = self._runs.get(rid) or _Run(name="Unnamed", run_type="llm")  # type: ignore[arg-type]
            parent = _id(parent_run_id) if parent_run_id is not None else run.parent_run_id
            head = _writer.token_head(rid, parent, run.name, run.run_type, tags if tags is not None else run.tags)
            cached = (parent_run_id, tags, head)
            self._heads[run_id] = cached
        return cached[2]

    # events ------------------------------------------------------------------

    def _emit(
        self,
        event: str,
        run_id: Any,
        parent_run_id: Any,
        tags: Optional[Sequence[str]],
        payload: Dict[str, Any],
        *,
        start: Optional[_Run] = None,
        metadata: Any = None,
        default_run_type: str = "chain",
        name: Optional[str] = None,
        finish: bool = False,
    ) -> bool:
        """Queue one line. ``start`` registers a new run; ``finish`` ends it (the writer
        forgets it once written). Returns whether a root run ended (then all is written)."""
        rid = _id(run_id)
        body = encode(payload)
        meta = None
        if start is not None:
            meta = encode(serialize(metadata or {}))
        with self._lock:
            if start is not None:
                run = start
                if rid is not None:
                    self._runs[rid] = run
            else:
                known = self._runs.get(rid)  # type: ignore[arg-type]
                run = known or _Run(name=name or "Unnamed", run_type=default_run_type)
            parent = _id(parent_run_id) if parent_run_id is not None or start is not None else run.parent_run_id
            line_tags = list(tags) if tags is not None else list(run.tags)
            head: Dict[str, Any] = {
                "v": EVENT_LOG_VERSION,
                "event": event,
                "run_id": rid,
                "parent_run_id": parent,
                "name": run.name,
                "run_type": run.run_type,
                "tags": [str(t) for t in line_tags],
                "time": _writer.format_time(_now()),
            }
            line = _HEAD_ENCODER.encode(head)[:-1]
            if meta is not None:
                line += ',"metadata":' + meta
            if body != "{}":
                line += "," + body[1:]
            else:
                line += "}"
            self._enqueue(line, (rid, run_id) if finish else None)
        if not finish or parent is not None:
            return False
        if self._inline_flush:
            self.flush()  # a root run ended: the whole log is written when the call returns
        return True

    def _start(
        self,
        event: str,
        run_type: str,
        name: str,
        run_id: Any,
        parent_run_id: Any,
        tags: Optional[List[str]],
        metadata: Optional[Dict[str, Any]],
        payload: Dict[str, Any],
    ) -> bool:
        run = _Run(name=name, run_type=run_type, tags=list(tags or []), parent_run_id=_id(parent_run_id))
        return self._emit(event, run_id, parent_run_id, tags or [], payload, start=run, metadata=metadata)

    @_guarded
    def _chain_start(self, serialized: Any, inputs: Any, run_id: Any, parent_run_id: Any,
                     tags: Any, metadata: Any, kwargs: Dict[str, Any]) -> None:
        run_type = kwargs.get("run_type")
        run_type = run_type if run_type in _CHAIN_RUN_TYPES else "chain"
        name = _resolve_name(kwargs.get("name"), serialized, "Unnamed")
        return self._start("on_chain_start", run_type, name, run_id, parent_run_id, tags, metadata,
                    {"inputs": serialize(inputs)})

    @_guarded
    def _chain_end(self, outputs: Any, run_id: Any, parent_run_id: Any, tags: Any, kwargs: Dict[str, Any]) -> None:
        payload = {"outputs": serialize(outputs)}
        if "inputs" in kwargs:
            payload["inputs"] = serialize(kwargs["inputs"])
        return self._emit("on_chain_end", run_id, parent_run_id, tags, payload, finish=True)

    @_guarded
    def _chain_error(self, error: BaseException, run_id: Any, parent_run_id: Any, tags: Any,
                     kwargs: Dict[str, Any]) -> None:
        payload: Dict[str, Any] = {"error": error_value(error)}
        if "inputs" in kwargs:
            payload["inputs"] = serialize(kwargs["inputs"])
        return self._emit("on_chain_error", run_id, parent_run_id, tags, payload, finish=True)

    @_guarded
    def _llm_start(self, serialized: Any, prompts: List[str], run_id: Any, parent_run_id: Any,
                   tags: Any, metadata: Any, kwargs: Dict[str, Any]) -> None:
        name = _resolve_name(kwargs.get("name"), serialized, "Unnamed")
        return self._start("on_llm_start", "llm", name, run_id, parent_run_id, tags, metadata,
                    {"prompts": [p if isinstance(p, str) else serialize(p) for p in prompts]})

    @_guarded
    def _chat_model_start(self, serialized: Any, messages: List[List[Any]], run_id: Any, parent_run_id: Any,
                          tags: Any, metadata: Any, kwargs: Dict[str, Any]) -> None:
        name = _resolve_name(kwargs.get("name"), serialized, "Unnamed")
        return self._start("on_chat_model_start", "chat_model", name, run_id, parent_run_id, tags, metadata,
                    {"messages": [[serialize(m) for m in batch] for batch in messages]})

    @_guarded
    def _llm_new_token(self, token: Any, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        self._token(token, run_id, parent_run_id, tags)

    @_guarded
    def _llm_end(self, response: Any, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        return self._emit("on_llm_end", run_id, parent_run_id, tags, {"response": serialize_llm_result(response)},
                   default_run_type="llm", finish=True)

    @_guarded
    def _llm_error(self, error: BaseException, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        return self._emit("on_llm_error", run_id, parent_run_id, tags, {"error": error_value(error)},
                   default_run_type="llm", finish=True)

    @_guarded
    def _tool_start(self, serialized: Any, input_str: str, run_id: Any, parent_run_id: Any, tags: Any,
                    metadata: Any, inputs: Any, kwargs: Dict[str, Any]) -> None:
        name = _resolve_name(kwargs.get("name"), serialized, "Unnamed")
        payload: Dict[str, Any] = {"input": input_str if isinstance(input_str, str) else str(input_str)}
        if inputs is not None:
            payload["inputs"] = serialize(inputs)
        tool_call_id = kwargs.get("tool_call_id")
        if isinstance(tool_call_id, str):  # the model's tool call this run answers (agents)
            payload["tool_call_id"] = tool_call_id
        return self._start("on_tool_start", "tool", name, run_id, parent_run_id, tags, metadata, payload)

    @_guarded
    def _tool_end(self, output: Any, run_id: Any, parent_run_id: Any, tags: Any, kwargs: Dict[str, Any]) -> None:
        return self._emit("on_tool_end", run_id, parent_run_id, tags, {"output": serialize(output)},
                   default_run_type="tool", name=kwargs.get("name"), finish=True)

    @_guarded
    def _tool_error(self, error: BaseException, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        return self._emit("on_tool_error", run_id, parent_run_id, tags, {"error": error_value(error)},
                   default_run_type="tool", finish=True)

    @_guarded
    def _retriever_start(self, serialized: Any, query: str, run_id: Any, parent_run_id: Any, tags: Any,
                         metadata: Any, kwargs: Dict[str, Any]) -> None:
        name = _resolve_name(kwargs.get("name"), serialized, "Retriever")
        return self._start("on_retriever_start", "retriever", name, run_id, parent_run_id, tags, metadata,
                    {"query": query if isinstance(query, str) else serialize(query)})

    @_guarded
    def _retriever_end(self, documents: Sequence[Any], run_id: Any, parent_run_id: Any, tags: Any) -> None:
        return self._emit("on_retriever_end", run_id, parent_run_id, tags,
                   {"documents": [serialize(d) for d in documents]}, default_run_type="retriever", finish=True)

    @_guarded
    def _retriever_error(self, error: BaseException, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        return self._emit("on_retriever_error", run_id, parent_run_id, tags, {"error": error_value(error)},
                   default_run_type="retriever", finish=True)

    @_guarded
    def _text(self, text: str, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        return self._emit("on_text", run_id, parent_run_id, tags, {"text": text if isinstance(text, str) else str(text)})

    @_guarded
    def _retry(self, retry_state: Any, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        return self._emit("on_retry", run_id, parent_run_id, tags, {"retry": retry_value(retry_state)})

    @_guarded
    def _custom_event(self, name: str, data: Any, run_id: Any, tags: Any) -> None:
        # LangChain sends a custom event on the enclosing run's id, with no parent
        # id; the line's name is the event's name, its run type the enclosing run's.
        rid = _id(run_id)
        body = encode({"data": serialize(data)})
        with self._lock:
            known = self._runs.get(rid) if rid is not None else None
            head = {
                "v": EVENT_LOG_VERSION,
                "event": "on_custom_event",
                "run_id": rid,
                "parent_run_id": None,
                "name": str(name),
                "run_type": known.run_type if known else "chain",
                "tags": [str(t) for t in (tags or [])],
                "time": _writer.format_time(_now()),
            }
            self._enqueue(_HEAD_ENCODER.encode(head)[:-1] + "," + body[1:])


class RunscopeCallbackHandler(_EventLogCore, BaseCallbackHandler):
    """Writes runscope's event log (v1) for every LangChain callback.

    ``target`` is a path (opened with ``mode``: ``"a"``, the default, appends so
    several runs can share one file; ``"w"`` truncates it first), ``"-"`` for
    stdout, or an open text file object such as ``sys.stdout`` (never closed by
    the handler). Every line is flushed as it is written, lines from parallel
    branches never interleave, and a failure to write is logged, never raised
    into the chain (unless ``raise_error=True``). Lines are written by a writer
    thread in batches (at least every 10 ms) and all of them when a root run ends.

    Attach it at run time so every run of the chain reports to it::

        chain.invoke(x, config={"callbacks": [RunscopeCallbackHandler(sys.stdout)]})
    """

    run_inline = True

    def on_chain_start(self, serialized: Optional[Dict[str, Any]], inputs: Any, *, run_id: UUID,
                       parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                       metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._chain_start(serialized, inputs, run_id, parent_run_id, tags, metadata, kwargs)

    def on_chain_end(self, outputs: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                     tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._chain_end(outputs, run_id, parent_run_id, tags, kwargs)

    def on_chain_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                       tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._chain_error(error, run_id, parent_run_id, tags, kwargs)

    def on_llm_start(self, serialized: Dict[str, Any], prompts: List[str], *, run_id: UUID,
                     parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                     metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._llm_start(serialized, prompts, run_id, parent_run_id, tags, metadata, kwargs)

    def on_chat_model_start(self, serialized: Dict[str, Any], messages: List[List[Any]], *, run_id: UUID,
                            parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                            metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._chat_model_start(serialized, messages, run_id, parent_run_id, tags, metadata, kwargs)

    def on_llm_new_token(self, token: Any, *, chunk: Any = None, run_id: UUID,
                         parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                         **kwargs: Any) -> None:
        # The hot path, inlined: queue the pieces; the writer thread formats them.
        if token.__class__ is not str:
            token = serialize_plain(token)
        self._queue.append((run_id, parent_run_id, tags, token, _now()))

    def on_llm_end(self, response: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                   tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._llm_end(response, run_id, parent_run_id, tags)

    def on_llm_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                     tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._llm_error(error, run_id, parent_run_id, tags)

    def on_tool_start(self, serialized: Dict[str, Any], input_str: str, *, run_id: UUID,
                      parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                      metadata: Optional[Dict[str, Any]] = None, inputs: Optional[Dict[str, Any]] = None,
                      **kwargs: Any) -> None:
        self._tool_start(serialized, input_str, run_id, parent_run_id, tags, metadata, inputs, kwargs)

    def on_tool_end(self, output: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                    tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._tool_end(output, run_id, parent_run_id, tags, kwargs)

    def on_tool_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                      tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._tool_error(error, run_id, parent_run_id, tags)

    def on_retriever_start(self, serialized: Optional[Dict[str, Any]], query: str, *, run_id: UUID,
                           parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                           metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._retriever_start(serialized, query, run_id, parent_run_id, tags, metadata, kwargs)

    def on_retriever_end(self, documents: Sequence[Any], *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                         tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._retriever_end(documents, run_id, parent_run_id, tags)

    def on_retriever_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                           tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._retriever_error(error, run_id, parent_run_id, tags)

    def on_text(self, text: str, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._text(text, run_id, parent_run_id, tags)

    def on_retry(self, retry_state: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                 tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._retry(retry_state, run_id, parent_run_id, tags)

    def on_custom_event(self, name: str, data: Any, *, run_id: UUID, tags: Optional[List[str]] = None,
                        metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._custom_event(name, data, run_id, tags)


class AsyncRunscopeCallbackHandler(_EventLogCore, AsyncCallbackHandler):
    """The async twin of :class:`RunscopeCallbackHandler`: the same lines.

    ``run_inline`` is True, so LangChain awaits it in order on the event loop
    instead of gathering it with other handlers; a callback only queues its line,
    and a root run's end awaits the write on a worker thread.
    """

    run_inline = True
    _inline_flush = False

    async def _flush_off_loop(self) -> None:
        """A root run ended: write the queue on a worker thread, never blocking the event loop."""
        await asyncio.get_running_loop().run_in_executor(None, self.flush)

    async def on_chain_start(self, serialized: Optional[Dict[str, Any]], inputs: Any, *, run_id: UUID,
                             parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                             metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._chain_start(serialized, inputs, run_id, parent_run_id, tags, metadata, kwargs)

    async def on_chain_end(self, outputs: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                           tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        if self._chain_end(outputs, run_id, parent_run_id, tags, kwargs):
            await self._flush_off_loop()

    async def on_chain_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                             tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        if self._chain_error(error, run_id, parent_run_id, tags, kwargs):
            await self._flush_off_loop()

    async def on_llm_start(self, serialized: Dict[str, Any], prompts: List[str], *, run_id: UUID,
                           parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                           metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._llm_start(serialized, prompts, run_id, parent_run_id, tags, metadata, kwargs)

    async def on_chat_model_start(self, serialized: Dict[str, Any], messages: List[List[Any]], *, run_id: UUID,
                                  parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                                  metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._chat_model_start(serialized, messages, run_id, parent_run_id, tags, metadata, kwargs)

    async def on_llm_new_token(self, token: Any, *, chunk: Any = None, run_id: UUID,
                               parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                               **kwargs: Any) -> None:
        self._token(token, run_id, parent_run_id, tags)

    async def on_llm_end(self, response: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                         tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        if self._llm_end(response, run_id, parent_run_id, tags):
            await self._flush_off_loop()

    async def on_llm_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                           tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        if self._llm_error(error, run_id, parent_run_id, tags):
            await self._flush_off_loop()

    async def on_tool_start(self, serialized: Dict[str, Any], input_str: str, *, run_id: UUID,
                            parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                            metadata: Optional[Dict[str, Any]] = None, inputs: Optional[Dict[str, Any]] = None,
                            **kwargs: Any) -> None:
        self._tool_start(serialized, input_str, run_id, parent_run_id, tags, metadata, inputs, kwargs)

    async def on_tool_end(self, output: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                          tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        if self._tool_end(output, run_id, parent_run_id, tags, kwargs):
            await self._flush_off_loop()

    async def on_tool_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                            tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        if self._tool_error(error, run_id, parent_run_id, tags):
            await self._flush_off_loop()

    async def on_retriever_start(self, serialized: Optional[Dict[str, Any]], query: str, *, run_id: UUID,
                                 parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                                 metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._retriever_start(serialized, query, run_id, parent_run_id, tags, metadata, kwargs)

    async def on_retriever_end(self, documents: Sequence[Any], *, run_id: UUID,
                               parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                               **kwargs: Any) -> None:
        if self._retriever_end(documents, run_id, parent_run_id, tags):
            await self._flush_off_loop()

    async def on_retriever_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                                 tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        if self._retriever_error(error, run_id, parent_run_id, tags):
            await self._flush_off_loop()

    async def on_text(self, text: str, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                      tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._text(text, run_id, parent_run_id, tags)

    async def on_retry(self, retry_state: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                       tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._retry(retry_state, run_id, parent_run_id, tags)

    async def on_custom_event(self, name: str, data: Any, *, run_id: UUID, tags: Optional[List[str]] = None,
                              metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._custom_event(name, data, run_id, tags)
