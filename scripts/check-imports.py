#!/usr/bin/env python3
"""Every project module a target imports is one it declares in Package.swift.

SwiftPM builds a target that imports a module it reaches only through another target's
dependencies, until the graph changes; this keeps the declared graph the real one.
Usage: scripts/check-imports.py  (from the package root; exits 1 naming each gap)
"""
import glob
import json
import os
import re
import subprocess
import sys

IMPORT = re.compile(r"\s*(?:@testable\s+|@_spi\(\w+\)\s+|@preconcurrency\s+)*import\s+(\w+)")


def declared(target):
    names = set()
    for dependency in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                names.add(dependency[kind][0])
    return {name.replace("-", "_") for name in names}


def main():
    package = json.loads(subprocess.run(
        ["swift", "package", "dump-package"], check=True, capture_output=True, text=True).stdout)
    modules = {target["name"].replace("-", "_") for target in package["targets"]}
    gaps = []
    for target in package["targets"]:
        root = target.get("path") or ("Tests/" if target["type"] == "test" else "Sources/") + target["name"]
        if not os.path.isdir(root):
            continue
        own = target["name"].replace("-", "_")
        for path in sorted(glob.glob(root + "/**/*.swift", recursive=True)):
            with open(path, encoding="utf-8") as source:
                for number, line in enumerate(source, 1):
                    match = IMPORT.match(line)
                    if match and match.group(1) in modules and match.group(1) != own and match.group(1) not in declared(target):
                        gaps.append(f"{path}:{number}: {target['name']} imports {match.group(1)} but does not declare it in Package.swift")
    for gap in gaps:
        print(gap, file=sys.stderr)
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
