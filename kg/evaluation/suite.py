"""``kg eval``: build every article of a gold suite and score it (:mod:`kg.evaluation.scoring`).

A suite is a folder of ``NAME.txt`` + ``NAME.gold.json`` pairs (or one such pair). Each article is
built with its gold file's publication date; the total is the union graph of all the articles scored
against the union of their gold files, as the scoring README describes.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from pathlib import Path

from kg.pipeline.build import BuildConfig, extract_articles
from kg.errors import InputError
from kg.evaluation.gold import load_gold, merge_gold
from kg.evaluation.report import combine_results, format_report
from kg.evaluation.scoring import score_graph
from kg.inputs.reader import read_articles
from kg.rdf.mapping import add_extraction, new_graph

__all__ = ["find_pairs", "select", "run_eval", "evaluate_suite", "confidence_curve", "format_curve"]


def select(names: Sequence[str], only: Sequence[str] | None) -> list[str]:
    """The ``names`` that ``only`` picks: each item of ``only`` holds comma-separated names, shell
    patterns (``g7_*``) or number ranges (``35-41``, for names that are numbers). ``None`` picks all.

    >>> select(["21", "34", "35", "41", "g7"], ["35-41", "g*"])
    ['35', '41', 'g7']
    """
    if not only:
        return list(names)
    items = [s.strip() for arg in only for s in arg.split(",") if s.strip()]
    picked = []
    for name in names:
        for item in items:
            lo, sep, hi = item.partition("-")
            if sep and lo.isdigit() and hi.isdigit() and name.isdigit():
                if int(lo) <= int(name) <= int(hi):
                    break
            elif fnmatch.fnmatchcase(name, item):
                break
        else:
            continue
        picked.append(name)
    return picked


def find_pairs(path: Path, only: Sequence[str] | None = None) -> list[tuple[Path, Path]]:
    """The (article, gold) pairs under ``path`` (those :func:`select` picks with ``only``)."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_dir():
        golds = sorted(path.glob("*.gold.json"))
    elif path.name.endswith(".gold.json"):
        golds = [path]
    else:
        golds = [path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json")]
    pairs = []
    for gold in golds:
        txt = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
        if not gold.exists():
            raise InputError(f"{gold}: gold file not found for {path}")
        if not txt.exists():
            raise InputError(f"{txt}: article not found for gold file {gold.name}")
        pairs.append((txt, gold))
    if not pairs:
        raise InputError(f"{path}: no NAME.gold.json files found")
    if only:
        keep = set(select([txt.stem for txt, _ in pairs], only))
        pairs = [p for p in pairs if p[0].stem in keep]
        if not pairs:
            raise InputError(f"{path}: --only {','.join(only)} picks none of its {len(golds)} article(s)")
    return pairs


def evaluate_suite(path: Path, *, model: str = "md", min_confidence: float = 0.0, only: Sequence[str] | None = None):
    """Build and score every pair.

    Returns ``(total, per_article, union)``: ``total`` micro-averages the articles scored one by
    one (counts summed); ``union`` scores the graph of all articles together against the union of
    their gold files (entities of the same type and name being one), as the scoring rules describe
    for multi-article graphs.
    """
    items = []  # (article, gold, name): an article that cannot be read is reported, not scored
    for txt, gold_path in find_pairs(path, only):
        try:
            gold = load_gold(gold_path)
        except ValueError as exc:
            raise InputError(str(exc)) from exc
        arts = list(read_articles([txt], published=gold.get("published"), on_skip=lambda s: None))
        if len(arts) != 1:
            raise InputError(f"{txt}: cannot be scored (empty, binary or unreadable article)")
        items.append((arts[0], gold, txt))
    golds = [g for _, g, _ in items]
    config = BuildConfig(model=model, min_confidence=min_confidence)
    extractions = list(extract_articles([a for a, _, _ in items], config))
    total, per_article, union_result = _score(extractions, items, golds, min_confidence)
    return total, per_article, union_result


def _score(extractions, items, golds, min_confidence: float):
    union = new_graph()
    per_article = []
    for ex, (_, gold, txt) in zip(extractions, items):
        g = add_extraction(new_graph(), ex, min_confidence=min_confidence)
        add_extraction(union, ex, min_confidence=min_confidence)
        per_article.append((txt.stem, score_graph(g, gold)))
    union_result = score_graph(union, merge_gold(golds)) if len(golds) > 1 else per_article[0][1]
    return combine_results(per_article), per_article, union_result


def confidence_curve(path: Path, *, model: str = "md", thresholds=(0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9),
                     only: Sequence[str] | None = None) -> list[tuple[float, object]]:
    """Relation precision/recall at each ``--min-confidence`` threshold (the suite is parsed once)."""
    items = []
    for txt, gold_path in find_pairs(path, only):
        gold = load_gold(gold_path)
        arts = list(read_articles([txt], published=gold.get("published"), on_skip=lambda s: None))
        if len(arts) == 1:
            items.append((arts[0], gold, txt))
    golds = [g for _, g, _ in items]
    extractions = list(extract_articles([a for a, _, _ in items], BuildConfig(model=model)))
    return [(t, _score(extractions, items, golds, t)[0]) for t in thresholds]


def format_curve(curve) -> str:
    lines = ["Relations (lenient) by --min-confidence",
             f"  {'threshold':>9} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for t, r in curve:
        p = r.relations_lenient
        lines.append(f"  {t:9.2f} {p.tp:5d} {p.fp:5d} {p.fn:5d} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}")
    return "\n".join(lines)


def run_eval(path: Path, *, model: str = "md", min_confidence: float = 0.0, details: bool = True,
             per_article: bool = False, only: Sequence[str] | None = None) -> str:
    total, rows, union = evaluate_suite(path, model=model, min_confidence=min_confidence, only=only)
    out = []
    if per_article or len(rows) > 1:
        out.append(f"{'article':<40} {'ent P':>6} {'ent R':>6} {'ent F1':>6}  {'rel F1 strict':>13} {'rel F1 lenient':>14}")
        for name, r in rows:
            out.append(
                f"{name[:40]:<40} {r.entities.precision:6.3f} {r.entities.recall:6.3f} {r.entities.f1:6.3f}"
                f"  {r.relations_strict.f1:13.3f} {r.relations_lenient.f1:14.3f}"
            )
        out.append("")
    title = f"{path} — {len(rows)} article(s), model {model}, micro-averaged over articles"
    out.append(format_report(total, title=title, details=details))
    if len(rows) > 1:
        out.append("")
        out.append(
            f"all articles as one graph, scored against the union of the gold files: entity F1 {union.entities.f1:.3f}, "
            f"relation F1 strict {union.relations_strict.f1:.3f}, lenient {union.relations_lenient.f1:.3f}"
        )
    return "\n".join(out)
