"""LangChain callback handlers that write runscope's event log (format v1).

One JSON object per callback, one per line, flushed as it is written; see
``docs/event-log.md`` in the runscope repository for the format.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
import threading
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Dict, List, Optional, Sequence, TypeVar, Union
from uuid import UUID

from langchain_core.callbacks.base import AsyncCallbackHandler, BaseCallbackHandler

from ._serialize import (
    error_value,
    retry_value,
    serialize,
    serialize_llm_result,
    timestamp,
)

__all__ = ["EVENT_LOG_VERSION", "AsyncRunscopeCallbackHandler", "RunscopeCallbackHandler", "Target"]

#: The format version written in every line's ``v``.
EVENT_LOG_VERSION = 1

#: Where the log goes: a path (``str`` / ``os.PathLike``), ``"-"`` for stdout,
#: or an open text file object.
Target = Union[str, "os.PathLike[str]", IO[str]]

logger = logging.getLogger("runscope_langchain")

_CHAIN_RUN_TYPES = {"chain", "prompt", "parser"}

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
    """Never let a logging problem break the user's chain (unless raise_error)."""

    @functools.wraps(method)
    def wrapper(self: _EventLogCore, *args: Any, **kwargs: Any) -> None:
        try:
            method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            if getattr(self, "raise_error", False):
                raise
            self._warn_once(f"runscope: could not record {method.__name__.lstrip('_')}: {exc!r}")

    return wrapper  # type: ignore[return-value]


class _EventLogCore:
    """The writer and the run state shared by the sync and async handlers."""

    raise_error: bool = False
    run_inline: bool = True

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
        self._closed = False
        self._dead = False
        self._warned: set[str] = set()

    # output ------------------------------------------------------------------

    def close(self) -> None:
        """Flush, and close the file if the handler opened it (a path target)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._stream.flush()
            except Exception:  # noqa: BLE001
                pass
            if self._owns_stream:
                self._stream.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _warn_once(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            logger.warning(message)

    def _write_line(self, line: str) -> None:
        """Write one line and flush. Called with the lock held."""
        if self._closed or self._dead:
            return
        try:
            try:
                self._stream.write(line + "\n")
            except UnicodeEncodeError:  # a stream that cannot take UTF-8: escape it
                self._stream.write(json.dumps(json.loads(line), ensure_ascii=True) + "\n")
            self._stream.flush()
        except (BrokenPipeError, ValueError, OSError) as exc:
            # The reader went away (`runscope tail` quit) or the file was closed:
            # stop writing rather than failing every later callback.
            self._dead = True
            if self.raise_error:
                raise
            self._warn_once(f"runscope: event log closed ({exc!r}); no further events are written")

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
    ) -> None:
        """Write one line. ``start`` registers a new run; ``finish`` forgets it."""
        rid = _id(run_id)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        meta = None
        if start is not None:
            meta = json.dumps(serialize(metadata or {}), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        with self._lock:
            if start is not None:
                run = start
                if rid is not None:
                    self._runs[rid] = run
            else:
                known = self._runs.pop(rid, None) if finish else self._runs.get(rid)  # type: ignore[arg-type]
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
                "time": timestamp(),
            }
            line = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
            if meta is not None:
                line += ',"metadata":' + meta
            if body != "{}":
                line += "," + body[1:]
            else:
                line += "}"
            self._write_line(line)

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
    ) -> None:
        run = _Run(name=name, run_type=run_type, tags=list(tags or []), parent_run_id=_id(parent_run_id))
        self._emit(event, run_id, parent_run_id, tags or [], payload, start=run, metadata=metadata)

    @_guarded
    def _chain_start(self, serialized: Any, inputs: Any, run_id: Any, parent_run_id: Any,
                     tags: Any, metadata: Any, kwargs: Dict[str, Any]) -> None:
        run_type = kwargs.get("run_type")
        run_type = run_type if run_type in _CHAIN_RUN_TYPES else "chain"
        name = _resolve_name(kwargs.get("name"), serialized, "Unnamed")
        self._start("on_chain_start", run_type, name, run_id, parent_run_id, tags, metadata,
                    {"inputs": serialize(inputs)})

    @_guarded
    def _chain_end(self, outputs: Any, run_id: Any, parent_run_id: Any, tags: Any, kwargs: Dict[str, Any]) -> None:
        payload = {"outputs": serialize(outputs)}
        if "inputs" in kwargs:
            payload["inputs"] = serialize(kwargs["inputs"])
        self._emit("on_chain_end", run_id, parent_run_id, tags, payload, finish=True)

    @_guarded
    def _chain_error(self, error: BaseException, run_id: Any, parent_run_id: Any, tags: Any,
                     kwargs: Dict[str, Any]) -> None:
        payload: Dict[str, Any] = {"error": error_value(error)}
        if "inputs" in kwargs:
            payload["inputs"] = serialize(kwargs["inputs"])
        self._emit("on_chain_error", run_id, parent_run_id, tags, payload, finish=True)

    @_guarded
    def _llm_start(self, serialized: Any, prompts: List[str], run_id: Any, parent_run_id: Any,
                   tags: Any, metadata: Any, kwargs: Dict[str, Any]) -> None:
        name = _resolve_name(kwargs.get("name"), serialized, "Unnamed")
        self._start("on_llm_start", "llm", name, run_id, parent_run_id, tags, metadata,
                    {"prompts": [p if isinstance(p, str) else serialize(p) for p in prompts]})

    @_guarded
    def _chat_model_start(self, serialized: Any, messages: List[List[Any]], run_id: Any, parent_run_id: Any,
                          tags: Any, metadata: Any, kwargs: Dict[str, Any]) -> None:
        name = _resolve_name(kwargs.get("name"), serialized, "Unnamed")
        self._start("on_chat_model_start", "chat_model", name, run_id, parent_run_id, tags, metadata,
                    {"messages": [[serialize(m) for m in batch] for batch in messages]})

    @_guarded
    def _llm_new_token(self, token: Any, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        self._emit("on_llm_new_token", run_id, parent_run_id, tags,
                   {"token": token if isinstance(token, str) else serialize(token)}, default_run_type="llm")

    @_guarded
    def _llm_end(self, response: Any, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        self._emit("on_llm_end", run_id, parent_run_id, tags, {"response": serialize_llm_result(response)},
                   default_run_type="llm", finish=True)

    @_guarded
    def _llm_error(self, error: BaseException, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        self._emit("on_llm_error", run_id, parent_run_id, tags, {"error": error_value(error)},
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
        self._start("on_tool_start", "tool", name, run_id, parent_run_id, tags, metadata, payload)

    @_guarded
    def _tool_end(self, output: Any, run_id: Any, parent_run_id: Any, tags: Any, kwargs: Dict[str, Any]) -> None:
        self._emit("on_tool_end", run_id, parent_run_id, tags, {"output": serialize(output)},
                   default_run_type="tool", name=kwargs.get("name"), finish=True)

    @_guarded
    def _tool_error(self, error: BaseException, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        self._emit("on_tool_error", run_id, parent_run_id, tags, {"error": error_value(error)},
                   default_run_type="tool", finish=True)

    @_guarded
    def _retriever_start(self, serialized: Any, query: str, run_id: Any, parent_run_id: Any, tags: Any,
                         metadata: Any, kwargs: Dict[str, Any]) -> None:
        name = _resolve_name(kwargs.get("name"), serialized, "Retriever")
        self._start("on_retriever_start", "retriever", name, run_id, parent_run_id, tags, metadata,
                    {"query": query if isinstance(query, str) else serialize(query)})

    @_guarded
    def _retriever_end(self, documents: Sequence[Any], run_id: Any, parent_run_id: Any, tags: Any) -> None:
        self._emit("on_retriever_end", run_id, parent_run_id, tags,
                   {"documents": [serialize(d) for d in documents]}, default_run_type="retriever", finish=True)

    @_guarded
    def _retriever_error(self, error: BaseException, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        self._emit("on_retriever_error", run_id, parent_run_id, tags, {"error": error_value(error)},
                   default_run_type="retriever", finish=True)

    @_guarded
    def _text(self, text: str, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        self._emit("on_text", run_id, parent_run_id, tags, {"text": text if isinstance(text, str) else str(text)})

    @_guarded
    def _retry(self, retry_state: Any, run_id: Any, parent_run_id: Any, tags: Any) -> None:
        self._emit("on_retry", run_id, parent_run_id, tags, {"retry": retry_value(retry_state)})

    @_guarded
    def _custom_event(self, name: str, data: Any, run_id: Any, tags: Any) -> None:
        # LangChain sends a custom event on the enclosing run's id, with no parent
        # id; the line's name is the event's name, its run type the enclosing run's.
        rid = _id(run_id)
        body = json.dumps({"data": serialize(data)}, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
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
                "time": timestamp(),
            }
            self._write_line(json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + "," + body[1:])


class RunscopeCallbackHandler(_EventLogCore, BaseCallbackHandler):
    """Writes runscope's event log (v1) for every LangChain callback.

    ``target`` is a path (opened with ``mode``: ``"a"``, the default, appends so
    several runs can share one file; ``"w"`` truncates it first), ``"-"`` for
    stdout, or an open text file object such as ``sys.stdout`` (never closed by
    the handler). Every line is flushed as it is written, lines from parallel
    branches never interleave, and a failure to write is logged, never raised
    into the chain (unless ``raise_error=True``).

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
        self._llm_new_token(token, run_id, parent_run_id, tags)

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
    instead of gathering it with other handlers; each write is a short,
    flushed, locked ``write`` call.
    """

    run_inline = True

    async def on_chain_start(self, serialized: Optional[Dict[str, Any]], inputs: Any, *, run_id: UUID,
                             parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                             metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._chain_start(serialized, inputs, run_id, parent_run_id, tags, metadata, kwargs)

    async def on_chain_end(self, outputs: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                           tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._chain_end(outputs, run_id, parent_run_id, tags, kwargs)

    async def on_chain_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                             tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._chain_error(error, run_id, parent_run_id, tags, kwargs)

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
        self._llm_new_token(token, run_id, parent_run_id, tags)

    async def on_llm_end(self, response: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                         tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._llm_end(response, run_id, parent_run_id, tags)

    async def on_llm_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                           tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._llm_error(error, run_id, parent_run_id, tags)

    async def on_tool_start(self, serialized: Dict[str, Any], input_str: str, *, run_id: UUID,
                            parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                            metadata: Optional[Dict[str, Any]] = None, inputs: Optional[Dict[str, Any]] = None,
                            **kwargs: Any) -> None:
        self._tool_start(serialized, input_str, run_id, parent_run_id, tags, metadata, inputs, kwargs)

    async def on_tool_end(self, output: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                          tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._tool_end(output, run_id, parent_run_id, tags, kwargs)

    async def on_tool_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                            tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._tool_error(error, run_id, parent_run_id, tags)

    async def on_retriever_start(self, serialized: Optional[Dict[str, Any]], query: str, *, run_id: UUID,
                                 parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                                 metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._retriever_start(serialized, query, run_id, parent_run_id, tags, metadata, kwargs)

    async def on_retriever_end(self, documents: Sequence[Any], *, run_id: UUID,
                               parent_run_id: Optional[UUID] = None, tags: Optional[List[str]] = None,
                               **kwargs: Any) -> None:
        self._retriever_end(documents, run_id, parent_run_id, tags)

    async def on_retriever_error(self, error: BaseException, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                                 tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._retriever_error(error, run_id, parent_run_id, tags)

    async def on_text(self, text: str, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                      tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._text(text, run_id, parent_run_id, tags)

    async def on_retry(self, retry_state: Any, *, run_id: UUID, parent_run_id: Optional[UUID] = None,
                       tags: Optional[List[str]] = None, **kwargs: Any) -> None:
        self._retry(retry_state, run_id, parent_run_id, tags)

    async def on_custom_event(self, name: str, data: Any, *, run_id: UUID, tags: Optional[List[str]] = None,
                              metadata: Optional[Dict[str, Any]] = None, **kwargs: Any) -> None:
        self._custom_event(name, data, run_id, tags)
