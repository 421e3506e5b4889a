"""JSON-safe values for the event log.

Everything goes through LangChain's own ``dumpd`` first, so messages, prompt
values and documents come out in LangChain's serialized form
(``{"lc": 1, "type": "constructor", ...}``) and unknown objects as
``{"lc": 1, "type": "not_implemented", ...}``. That is plain JSON but for rare values
(a non-finite float, an odd key): ``encode`` writes it at once and walks it once more
(string keys, finite numbers) only when the encoder refuses it; ``serialize_plain``
walks at once (for tokens, which the writer thread formats later). None of these
functions raise.
"""

from __future__ import annotations

import json
import math
from typing import Any

try:  # langchain-core >= 0.3
    from langchain_core.load import dumpd as _dumpd
except Exception:  # pragma: no cover - defensive: dumpd always exists in >= 0.3
    _dumpd = None  # type: ignore[assignment]

_MAX_DEPTH = 100


def not_implemented(obj: Any) -> dict[str, Any]:
    """LangChain's form for a value it cannot serialize."""
    cls = type(obj)
    try:
        text = repr(obj)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not break the log
        text = f"<{cls.__name__} object>"
    return {
        "lc": 1,
        "type": "not_implemented",
        "id": [*cls.__module__.split("."), cls.__qualname__],
        "repr": text,
    }


def _plain(value: Any, depth: int = 0) -> Any:
    """Turn anything into JSON-compatible values (str keys, finite floats)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if depth > _MAX_DEPTH:
        return not_implemented(value)
    if isinstance(value, dict):
        return {str(k): _plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth + 1) for v in value]
    return not_implemented(value)


def serialize(value: Any) -> Any:
    """``dumpd(value)`` as it comes (JSON-safe but for rare values: a non-finite float,
    an odd key; ``encode`` walks a payload again only then); falls back to a plain walk
    if it raises."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if _dumpd is not None:
        try:
            return _dumpd(value)
        except Exception:  # noqa: BLE001 - fall back below
            pass
    try:
        return _plain(value)
    except Exception:  # noqa: BLE001
        return not_implemented(value)


def serialize_plain(value: Any) -> Any:
    """``serialize(value)``, walked so that ``json.dumps`` always takes it."""
    try:
        return _plain(serialize(value))
    except Exception:  # noqa: BLE001
        return not_implemented(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def encode(payload: Any) -> str:
    """Compact JSON of a payload made of ``serialize`` values: at once when it is plain
    JSON already (the common case), else after a plain walk (finite numbers, string keys)."""
    try:
        return _ENCODER.encode(payload)
    except (ValueError, TypeError, RecursionError):
        return _ENCODER.encode(_plain(payload))


def serialize_llm_result(response: Any) -> Any:
    """An ``LLMResult`` as LangChain's tracers record it.

    ``response.model_dump()`` with each generation's ``message`` replaced by
    ``dumpd(message)``: ``{"generations": [[{"text", "generation_info", "type",
    "message"}]], "llm_output", "run", "type"}``.
    """
    try:
        dumped = response.model_dump()
        messages: dict[tuple[int, int], Any] = {}
        for i, row in enumerate(response.generations):
            for j, generation in enumerate(row):
                message = getattr(generation, "message", None)
                if message is not None:
                    messages[(i, j)] = serialize(message)
        for row in dumped.get("generations", []):
            for generation in row:
                generation.pop("message", None)
        out = _plain(dumped)
        for (i, j), message in messages.items():
            out["generations"][i][j]["message"] = message
        return out
    except Exception:  # noqa: BLE001
        return serialize(response)


def error_value(error: Any) -> dict[str, str]:
    """``{"type": <exception class name>, "message": str(exception)}``."""
    try:
        message = str(error)
    except Exception:  # noqa: BLE001
        message = ""
    return {"type": type(error).__name__, "message": message}


def retry_value(retry_state: Any) -> dict[str, Any]:
    """``{"attempt", "error", "wait_s"}`` from tenacity's ``RetryCallState``.

    ``wait_s`` is the sleep before the next attempt (``next_action.sleep``,
    set before tenacity's ``before_sleep`` hook, which is where LangChain calls
    ``on_retry``); ``error`` is null when the attempt did not raise.
    """
    attempt = getattr(retry_state, "attempt_number", None)
    error = None
    outcome = getattr(retry_state, "outcome", None)
    if outcome is not None and getattr(outcome, "failed", False):
        try:
            error = error_value(outcome.exception())
        except Exception:  # noqa: BLE001
            error = None
    wait = None
    next_action = getattr(retry_state, "next_action", None)
    if next_action is not None:
        wait = getattr(next_action, "sleep", None)
    if wait is None:
        wait = getattr(retry_state, "upcoming_sleep", None)
    try:
        wait_s = float(wait) if wait is not None else 0.0
    except (TypeError, ValueError):
        wait_s = 0.0
    if not math.isfinite(wait_s):
        wait_s = 0.0
    return {
        "attempt": attempt if isinstance(attempt, int) else None,
        "error": error,
        "wait_s": wait_s,
    }
