#!/usr/bin/env python3
"""Lengths of the Rust functions of the tree, as rustfmt lays them out: a function runs
from its `fn` line to the closing brace at the same indentation, and its length counts
its lines of code (blank lines and comment lines left out, as clippy's too_many_lines
counts). Clippy does not see inside `#[function_component]` bodies (the macro rewrites
them); this does.

  tools/fn-lengths.py --max 120   fail (exit 1) on any function over 120 lines (make lint)
  tools/fn-lengths.py --top 10    the ten longest functions
  tools/fn-lengths.py --files 10  the ten largest files
"""
import argparse
import os
import re
import sys

ROOTS = ["src", "crates", "examples", "tests"]
FN = re.compile(r"^(\s*)(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+\"[^\"]*\"\s+)?fn\s+(\w+)")


def rust_files():
    for root in ROOTS:
        for d, _, files in os.walk(root):
            for f in files:
                if f.endswith(".rs") and not f.endswith("_tables.rs"):
                    yield os.path.join(d, f)


def code_lines(lines):
    return sum(1 for l in lines if l.strip() and not l.strip().startswith("//"))


def functions(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        m = FN.match(line)
        if not m or line.rstrip().endswith(";"):
            continue
        indent = m.group(1)
        close = indent + "}"
        for j in range(i, len(lines)):
            if lines[j].rstrip() == close or (j > i and lines[j].startswith(indent + "}") and lines[j].strip() in ("}", "})", "});", "},")):
                yield m.group(2), i + 1, code_lines(lines[i : j + 1])
                break
            if j == i and line.rstrip().endswith("}"):
                yield m.group(2), i + 1, 1
                break


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int)
    ap.add_argument("--top", type=int)
    ap.add_argument("--files", type=int)
    a = ap.parse_args()
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    fns = [(n, name, path, line) for path in rust_files() for name, line, n in functions(path)]
    if a.files:
        sizes = sorted(((sum(1 for _ in open(p, encoding="utf-8")), p) for p in rust_files()), reverse=True)
        for n, p in sizes[: a.files]:
            print(f"{n:5} {p}")
    if a.top:
        for n, name, path, line in sorted(fns, reverse=True)[: a.top]:
            print(f"{n:5} {path}:{line} {name}")
    if a.max is not None:
        over = [f for f in fns if f[0] > a.max]
        for n, name, path, line in sorted(over, reverse=True):
            print(f"fn-lengths: {path}:{line} {name} has {n} lines (at most {a.max})", file=sys.stderr)
        return 1 if over else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
