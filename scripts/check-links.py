#!/usr/bin/env python3
"""Every relative link in the project's Markdown points at a file that exists, and every #anchor
at a heading of the page it names (GitHub's rule for heading ids). External links are not
followed: this machine has no network.

    scripts/check-links.py            # README.md, docs/, and every other *.md in the repository
"""
import pathlib
import re
import sys
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
SKIP = {".git", "node_modules", "target", ".run", ".run-bench"}
LINK = re.compile(r"(?<!\!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|!\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def markdown_files():
    for path in sorted(ROOT.rglob("*.md")):
        if not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def prose(path):
    """The lines of a page outside its code blocks, with their numbers."""
    fenced = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield number, line


def anchors(path, cache={}):
    if path not in cache:
        ids, seen = set(), {}
        for _, line in prose(path):
            heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
            if heading:
                text = re.sub(r"`|\*\*|\*", "", heading.group(1))
                text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
                slug = re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")
                count = seen.get(slug, 0)
                seen[slug] = count + 1
                ids.add(slug if count == 0 else f"{slug}-{count}")
        for _, line in prose(path):
            ids.update(re.findall(r'<a (?:id|name)="([^"]+)"', line))
        cache[path] = ids
    return cache[path]


def main():
    problems, checked = [], 0
    for page in markdown_files():
        for number, line in prose(page):
            for match in LINK.finditer(re.sub(r"`[^`]*`", "", line)):
                target = match.group(1) or match.group(2)
                if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                    continue  # http:, https:, mailto: ...
                checked += 1
                file_part, _, anchor = target.partition("#")
                file_part = urllib.parse.unquote(file_part)
                where = f"{page.relative_to(ROOT)}:{number}"
                destination = (page.parent / file_part).resolve() if file_part else page
                if not destination.exists():
                    problems.append(f"{where}: {target} -> no such file")
                elif anchor and destination.suffix == ".md" and anchor not in anchors(destination):
                    problems.append(f"{where}: {target} -> no heading #{anchor} in {destination.relative_to(ROOT)}")
    for problem in problems:
        print(problem)
    print(f"links: {checked} relative links checked, {len(problems)} broken")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
