"""The sentence labels of benchmarks/data/announcement_sentences.jsonl (read by
benchmarks/announcement_misses.py): every row names an article of a tuning set that exists, with offsets
inside it, and none comes from a set that is only checked (real 35–41, the held-out set)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "benchmarks" / "data" / "announcement_sentences.jsonl"
FOLDERS = {"corpus_real": ROOT / "tests" / "corpus_real", "corpus_invented": ROOT / "tests" / "corpus_invented",
           "corpus": ROOT / "tests" / "corpus"}


def _text(folder: str, aid: str) -> str:
    txt = FOLDERS[folder] / f"{aid}.txt"
    if not txt.exists():
        txt = next(p for p in FOLDERS[folder].glob("*.txt") if p.stem.replace("_", "-") == aid)
    return txt.read_text(encoding="utf-8")


def test_labels_name_tuning_articles_with_offsets_inside_them():
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 1000 and {r["label"] for r in rows} == {0, 1}
    texts: dict[str, str] = {}
    for r in rows:
        folder, aid = r["article"].split("/", 1)
        assert folder in FOLDERS, r
        if folder == "corpus_real":
            assert 21 <= int(aid) <= 34, f"{r['article']} is only checked, never labelled"
        text = texts.setdefault(r["article"], _text(folder, aid))
        assert 0 <= r["start"] < r["end"] <= len(text) + 1, r
    # every labelled article is labelled sentence by sentence, without overlaps
    by_article: dict[str, list[tuple[int, int]]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append((r["start"], r["end"]))
    for name, spans in by_article.items():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), name
