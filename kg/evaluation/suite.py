"""``kg eval``: build every article of a gold suite and score it (:mod:`kg.evaluation.scoring`).

A suite is a folder of ``NAME.txt`` + ``NAME.gold.json`` pairs (or one such pair). Each article is
built with its gold file's publication date; the total is the union graph of all the articles scored
against the union of their gold files, as the scoring README describes.
"""

from __future__ import annotations

from pathlib import Path

from kg.pipeline.build import BuildConfig, extract_articles
from kg.errors import InputError
from kg.evaluation.gold import load_gold, merge_gold
from kg.evaluation.report import combine_results, format_report
from kg.evaluation.scoring import score_graph
from kg.inputs.reader import read_articles
from kg.rdf.mapping import add_extraction, new_graph

__all__ = ["find_pairs", "run_eval", "evaluate_suite", "confidence_curve", "format_curve"]


def find_pairs(path: Path) -> list[tuple[Path, Path]]:
    """The (article, gold) pairs under ``path``."""
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
    return pairs


def evaluate_suite(path: Path, *, model: str = "md", min_confidence: float = 0.0):
    """Build and score every pair.

    Returns ``(total, per_article, union)``: ``total`` micro-averages the articles scored one by
    one (counts summed); ``union`` scores the graph of all articles together against the union of
    their gold files (entities of the same type and name being one), as the scoring rules describe
    for multi-article graphs.
    """
    items = []  # (article, gold, name): an article that cannot be read is reported, not scored
    for txt, gold_path in find_pairs(path):
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


def confidence_curve(path: Path, *, model: str = "md",
                     thresholds=(0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)) -> list[tuple[float, object]]:
    """Relation precision/recall at each ``--min-confidence`` threshold (the suite is parsed once)."""
    items = []
    for txt, gold_path in find_pairs(path):
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
             per_article: bool = False) -> str:
    total, rows, union = evaluate_suite(path, model=model, min_confidence=min_confidence)
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
