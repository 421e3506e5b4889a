#!/usr/bin/env python3
"""Validates every compact-format example against schema/chain.schema.json."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "schema" / "chain.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = 0
checked = 0
for path in sorted((root / "examples").glob("*.json")):
    document = json.loads(path.read_text())
    if "lc" in document:
        continue  # LangChain's serialized form: not described by this schema
    checked += 1
    for error in validator.iter_errors(document):
        failures += 1
        where = "/".join(str(p) for p in error.absolute_path)
        print(f"{path.name}: {where or '(root)'}: {error.message}", file=sys.stderr)
print(f"schema: {checked} examples checked, {failures} problems")
sys.exit(1 if failures or checked == 0 else 0)
