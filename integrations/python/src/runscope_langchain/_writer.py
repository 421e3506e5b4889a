"""The handler's writer: off the app's hot path.

The calling thread only appends to a queue (a preformatted line, or for a token the raw
pieces and the time); one writer thread per handler formats the tokens, writes the lines
in batches and flushes, waking at least every ``FLUSH_INTERVAL`` seconds. ``drain()``
writes everything queued at once: at a root run's end, at ``close()`` and at interpreter
exit (``atexit``). A crash loses at most the last ~10 ms.
"""

from __future__ import annotations

import atexit
import collections
import json
import os
import threading
import time
import weakref
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import IO, Any, Callable, Deque, Dict, List, Optional, Tuple

#: The writer wakes this often (seconds) to write what is queued.
FLUSH_INTERVAL = 0.005

_live: "weakref.WeakSet[BatchWriter]" = weakref.WeakSet()

#: A token line after its head and the time's whole second: microseconds (``%d`` of a
#: float truncates, as the clock's own ``format`` does) and the token as JSON.
_TOKEN_FORMAT = '%s%06dZ","token":%s}\n'

#: No run yet: differs by identity from every queued value.
_UNSET = object()


class _Clock:
    """RFC 3339 UTC with microseconds from ``time.time()``, the seconds part cached.

    The cache is one tuple, replaced whole: the app's threads (a line's time) and the
    writer (a token's) use it at once.
    """

    cached = (-1, "")

    @classmethod
    def stamp(cls, whole: int) -> str:
        """``2026-11-24T23:38:54`` for a whole second."""
        second, prefix = cls.cached
        if whole != second:
            prefix = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole))
            cls.cached = (whole, prefix)
        return prefix

    @classmethod
    def format(cls, moment: float) -> str:
        whole = int(moment)
        return f"{cls.stamp(whole)}.{int((moment - whole) * 1e6):06d}Z"


def format_time(moment: float) -> str:
    """``2026-11-24T23:38:54.123456Z`` for a ``time.time()`` value."""
    return _Clock.format(moment)


class BatchWriter:
    """One queue and one writer thread for a handler's stream.

    ``token_head`` gives a queued token's line up to its time (it runs on the writer
    thread, in queue order, so the run it names is still known; it is asked once per
    stretch of tokens of one run); ``forget`` drops a run after its end line is
    written; ``on_error`` hears a failed write.
    """

    def __init__(self, stream: IO[str], token_head: Callable[[Any, Any, Any], str], forget: Callable[[Any], None],
                 on_error: Callable[[BaseException], None]) -> None:
        self.stream = stream
        self.queue: Deque[Tuple[Any, ...]] = collections.deque()
        self._token_head = token_head
        self._forget = forget
        self._on_error = on_error
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self.dead = False
        self.closed = False
        _live.add(self)
        self._start()

    def _start(self) -> None:
        thread = threading.Thread(target=_run, args=(weakref.ref(self), self._wake), name="runscope-writer", daemon=True)
        thread.start()

    def drain(self) -> None:
        """Formats and writes everything queued, in order, then flushes."""
        with self._lock:
            if not self.queue:
                return
            text = self._text()
            if not self.dead:
                self._write(text)

    def _text(self) -> str:
        """Empties the queue into the lines it stands for, each ending in a newline.

        The writer's hot loop, and under the GIL its time is taken from the app's
        threads: each item adds a piece of one format string and its values, and a single
        ``%`` makes the text (one C call instead of a string per line). Consecutive tokens
        of one run (the common case) share their head and, within a second, the time's
        prefix, checked by identity.
        """
        formats: List[str] = []
        values: List[Any] = []
        piece, extend = formats.append, values.extend
        popleft = self.queue.popleft
        token_head = self._token_head
        last_run = last_parent = last_tags = _UNSET
        head = prefix = ""
        second = next_second = 0.0
        for _ in range(len(self.queue)):
            item = popleft()
            if len(item) != 5:
                piece("%s\n")
                values.append(item[0])
                if item[1] is not None:
                    self._forget(item[1])
                    last_run = _UNSET  # its head is gone
                continue
            run, parent, tags, token, moment = item
            if run is not last_run or parent is not last_parent or tags is not last_tags:
                head = token_head(run, parent, tags)
                last_run, last_parent, last_tags = run, parent, tags
                next_second = 0.0
            if moment >= next_second or moment < second:
                whole = int(moment)
                second, next_second = float(whole), whole + 1.0
                prefix = head + _Clock.stamp(whole) + "."
            piece(_TOKEN_FORMAT)
            extend((prefix, (moment - second) * 1e6,
                    encode_basestring(token) if token.__class__ is str else json.dumps(token, ensure_ascii=False)))
        return "".join(formats) % tuple(values)

    def _write(self, text: str) -> None:
        try:
            try:
                self.stream.write(text)
            except UnicodeEncodeError:  # a stream that cannot take UTF-8: escape it
                self.stream.write("".join(json.dumps(json.loads(line), ensure_ascii=True) + "\n"
                                          for line in text.split("\n") if line))
            self.stream.flush()
        except (BrokenPipeError, ValueError, OSError) as exc:
            # The reader went away (`runscope tail` quit) or the file was closed.
            self.dead = True
            self._on_error(exc)

    def close(self) -> None:
        """Writes what is left and stops the thread."""
        self.drain()
        self.closed = True
        self._wake.set()

    def after_fork(self) -> None:
        """In a forked child: new locks and a new thread (the parent's did not survive the fork)."""
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self.queue.clear()  # the parent writes its own lines
        if not self.closed:
            self._start()


def _run(ref: "weakref.ReferenceType[BatchWriter]", wake: threading.Event) -> None:
    while True:
        wake.wait(FLUSH_INTERVAL)
        writer = ref()
        if writer is None or writer.closed:
            return
        try:
            writer.drain()
        except Exception:  # noqa: BLE001 - the writer must survive a bad value; the handler logs write errors
            pass
        del writer


def token_head(run_id: Optional[str], parent: Optional[str], name: str, run_type: str, tags: List[str]) -> str:
    """The start of a token line up to its time's opening quote."""
    head: Dict[str, Any] = {"v": 1, "event": "on_llm_new_token", "run_id": run_id, "parent_run_id": parent,
                            "name": name, "run_type": run_type, "tags": [str(t) for t in tags]}
    return json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"time":"'


def _drain_all() -> None:
    for writer in list(_live):
        try:
            writer.drain()
        except Exception:  # noqa: BLE001
            pass


def _after_fork() -> None:
    for writer in list(_live):
        writer.after_fork()


atexit.register(_drain_all)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)
