#!/usr/bin/env python3
"""Lists which modules of a crate use which (from `crate::…` and `super::…` paths outside
comments and test modules), two levels deep (`--depth N`), and fails on a cycle between two modules.

    python3 tools/mod-deps.py crates/core/src        # the listing
    python3 tools/mod-deps.py --check --depth 3 crates/core/src src   # cycles only (make lint)
"""
import os
import re
import sys


def module(root, path):
    parts = os.path.relpath(path, root)[:-3].split("/")
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return parts


def edges(root, depth):
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".rs") or name == "tests.rs" or name.endswith("_test.rs"):
                continue
            path = os.path.join(folder, name)
            source = re.split(r"#\[cfg\(test\)\]\s*mod tests", open(path, encoding="utf-8").read())[0]
            source = "\n".join(line for line in source.split("\n") if not line.strip().startswith("//"))
            parts = module(root, path)
            me = "::".join(parts[:depth]) or "crate"
            for path_text in re.findall(r"\b(crate|super)((?:::\w+)+)", source):
                kind, rest = path_text
                names = rest.strip(":").split("::")
                if kind == "super":
                    names = parts[:-1] + names if len(parts) > 1 else names
                target = "::".join(names[:depth])
                if target and target != me and not target.startswith(me + "::") and not me.startswith(target + "::"):
                    found.setdefault(me, set()).add(target)
    return found


def modules_of(name, listing):
    return [m for m in listing if m == name or m.startswith(name + "::")]


def cycles(found):
    # A cycle between two modules: a uses b (or something inside b) and b uses a.
    pairs = set()
    for source, targets in found.items():
        for target in targets:
            for back in found.get(target, ()):
                if back == source or source.startswith(back + "::"):
                    pairs.add(tuple(sorted((source, target))))
    return sorted(pairs)


def main():
    args = sys.argv[1:]
    check = "--check" in args
    depth = 2
    if "--depth" in args:
        at = args.index("--depth")
        depth = int(args[at + 1])
        del args[at : at + 2]
    roots = [a for a in args if a != "--check"]
    bad = []
    for root in roots:
        found = edges(root, depth)
        if not check:
            for source in sorted(found):
                print(f"{source} -> {', '.join(sorted(found[source]))}")
        bad += [f"{root}: {a} <-> {b}" for a, b in cycles(found)]
    for line in bad:
        print("cycle:", line)
    sys.exit(1 if bad else 0)


main()
