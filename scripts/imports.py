#!/usr/bin/env python3
"""One order for the imports of every Java file, in groups separated by a blank line:
java and javax; jakarta; everything else; org.springframework; com.example; static imports.
Each group sorted. spring-javaformat formats the code but leaves imports as they are; this
keeps them in one order.

    scripts/imports.py           # checks: lists the files whose imports are out of order, exits 1
    scripts/imports.py --apply   # puts them in order
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
IMPORT = re.compile(r"^import (static )?([\w.]+(?:\.\*)?);$")
GROUPS = [("java.", "javax."), ("jakarta.",), None, ("org.springframework.",), ("com.example.",)]


def group_of(static, name):
    if static:
        return len(GROUPS)
    for index, prefixes in enumerate(GROUPS):
        if prefixes and name.startswith(prefixes):
            return index
    return GROUPS.index(None)


def ordered(lines):
    """The file with its import block in order, or None if it has no imports."""
    indices = [i for i, line in enumerate(lines) if IMPORT.match(line)]
    if not indices:
        return None
    first, last = indices[0], indices[-1]
    block = lines[first:last + 1]
    if any(line.strip() and not IMPORT.match(line) for line in block):
        return None  # a comment among the imports: left as it is
    groups = {}
    for line in block:
        match = IMPORT.match(line)
        if match:
            groups.setdefault(group_of(match.group(1), match.group(2)), set()).add(line)
    new_block = []
    for index in sorted(groups):
        if new_block:
            new_block.append("")
        new_block.extend(sorted(groups[index], key=lambda l: IMPORT.match(l).group(2)))
    return lines[:first] + new_block + lines[last + 1:]


def main():
    apply = "--apply" in sys.argv[1:]
    files = subprocess.check_output(["git", "ls-files", "*.java"], cwd=ROOT, text=True).split()
    out_of_order = []
    for name in files:
        path = ROOT / name
        lines = path.read_text(encoding="utf-8").split("\n")
        new = ordered(lines)
        if new is not None and new != lines:
            out_of_order.append(name)
            if apply:
                path.write_text("\n".join(new), encoding="utf-8")
    for name in out_of_order:
        print(("ordered the imports of " if apply else "imports out of order: ") + name)
    print(f"imports: {len(files)} files, {len(out_of_order)} {'reordered' if apply else 'out of order'}")
    return 0 if apply or not out_of_order else 1


if __name__ == "__main__":
    sys.exit(main())
