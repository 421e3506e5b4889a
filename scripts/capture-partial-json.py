#!/usr/bin/env python3
"""Writes what LangChain's parse_partial_json gives for cut-off and broken JSON, the oracle
of Tests/RunscopeCoreTests/PartialJSONParityTests.swift.

    pip install langchain-core && python3 scripts/capture-partial-json.py

Each line of Tests/RunscopeCoreTests/Fixtures/partial-json/cases.jsonl is
{"text": ..., "value": ...} where value is what parse_partial_json returned, null when it
returned None (a bracket closes what is not open) or raised (no prefix closes into JSON):
JsonOutputParser's streaming shows nothing for both.
"""
import json
import pathlib

import langchain_core
from langchain_core.utils.json import parse_partial_json

# A tool call's arguments as a model streams them: every prefix is a case.
STREAMED = (
    '{"query": "weather in Zürich 🌧", "days": [1, 2, -3.5e2], "units": {"temp": "°C",'
    ' "wind": null}, "strict": true, "draft": false, "note": "line one\\nline \\"two\\"",'
    ' "empty": {}, "list": [], "raw": "a\nb"}'
)

# Text that is broken rather than cut off.
BROKEN = [
    '{"a": "x\ty"}',            # a raw tab: strict=False allows it
    '{"a": "x\x00y',            # a raw NUL, cut off
    '{"k": "\u0301',            # a quote followed by a combining mark
    '["a\\',                    # cut off inside an escape
    '{"a": "b\\"',              # an escaped quote, the string still open
    '[1, 2,',
    '{"a":',
    '{"a"',
    '{',
    ']',
    '[}',
    '"abc',
    'tru',
    '{"a": tr',
    '{"a": 1e',
    '{"a": -',
    '{"a": 1}}',
    'Sure, here it is: {"a": 1}',
    '{"a": 1} and more',
    '```json\n{"a": 1}\n```',
    '{"a": [1, {"b": "c',
    '{"a": "\\u00e9\\u',
    '  {"a": 1  ',
    '',
    '{"é": "ü", "n": 12345678901234567890',
    '[{"a": 1}, {"b": [true, false, nul',
]


def cases():
    for end in range(len(STREAMED) + 1):
        yield STREAMED[:end]
    yield from BROKEN


def main():
    out = pathlib.Path(__file__).resolve().parent.parent / "Tests/RunscopeCoreTests/Fixtures/partial-json/cases.jsonl"
    with out.open("w") as f:
        for text in cases():
            try:
                value = parse_partial_json(text)
            except json.JSONDecodeError:
                value = None
            f.write(json.dumps({"text": text, "value": value}, ensure_ascii=True) + "\n")
    print(f"wrote {out} with langchain-core {langchain_core.__version__}")


if __name__ == "__main__":
    main()
