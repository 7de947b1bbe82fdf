"""The README and docs/ hold together: every in-page link names a heading, every relative link
names a file of the repository, and the contents list the README's sections in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def headings(text: str) -> list[str]:
    out, fence = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fence = not fence
        elif not fence and line.startswith("#"):
            out.append(line.lstrip("#").strip())
    return out


def anchor(title: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_links_name_headings_and_files(doc):
    text = doc.read_text(encoding="utf-8")
    own = {anchor(h) for h in headings(text)}
    for target in LINK.findall(text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, frag = target.partition("#")
        if not path:
            assert frag in own, f"{doc.name}: #{frag} names no heading"
            continue
        file = (doc.parent / path).resolve()
        assert file.exists(), f"{doc.name}: {path} does not exist"
        if frag and file.suffix == ".md":
            assert frag in {anchor(h) for h in headings(file.read_text(encoding="utf-8"))}, f"{doc.name}: {target}"


def test_the_contents_list_the_sections_in_order():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    toc = text.split("## Contents", 1)[1].split("\n## ", 1)[0]
    listed = [m for m in re.findall(r"^\* \[[^\]]+\]\(#([^)]+)\)", toc, re.M)]
    sections = [anchor(line[3:]) for line in text.splitlines() if line.startswith("## ") and line != "## Contents"]
    assert listed == sections


@pytest.mark.model
def test_the_readme_gives_the_example_s_triple_count(example_graph):
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    counts = re.findall(r"example's (\d[\d,]*) triples", text) + re.findall(r"the example: (\d[\d,]*) →", text)
    assert counts, "the README states the example's size"
    assert {int(c.replace(",", "")) for c in counts} == {len(example_graph)}
