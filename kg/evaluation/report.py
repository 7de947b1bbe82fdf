"""The plain-text report of ``kg eval`` (:func:`format_report`) and the micro-average of several
articles scored on their own (:func:`combine_results`)."""

from __future__ import annotations

from typing import Sequence

from kg.evaluation.scoring import MISS_REASONS, PRF, EvalResult
from kg.records import ENTITY_TYPES, RELATION_TYPES

__all__ = ["format_report", "combine_results"]


def _row(name: str, prf: PRF, width: int) -> str:
    return (
        f"{name:<{width}} {prf.tp:>4} {prf.fp:>4} {prf.fn:>4}"
        f" {prf.precision:>6.3f} {prf.recall:>6.3f} {prf.f1:>6.3f}"
    )


def format_report(result: EvalResult, *, title: str = "", details: bool = True) -> str:
    """Render an :class:`EvalResult` as an aligned plain-text report.

    Parameters
    ----------
    result : EvalResult
        What :func:`score_graph` returned.
    title : str, optional
        A heading line.
    details : bool, optional
        Also list missed and spurious entities and relations (lenient view).

    Returns
    -------
    str
        Entities per class and micro-averaged, then relations per property, strict and lenient
        side by side, and micro-averaged; then the details.
    """
    w = max(len(x) for x in (*ENTITY_TYPES, *RELATION_TYPES, "micro")) + 2
    head = f"{'':<{w}} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}"
    lines: list[str] = []
    if title:
        lines += [title, "=" * len(title), ""]
    lines.append("Entities")
    lines.append(head)
    for t in ENTITY_TYPES:
        lines.append(_row(f"  {t}", result.entities_by_class[t], w))
    lines.append(_row("  micro", result.entities, w))
    lines.append("")
    lines.append(f"{'Relations (strict)':<{len(head)}}   | lenient (implied ignored)")
    lines.append(head + "   | " + head[w + 1 :])
    pairs = [
        (p, result.relations_by_property_strict[p], result.relations_by_property_lenient[p])
        for p in RELATION_TYPES
    ]
    pairs.append(("micro", result.relations_strict, result.relations_lenient))
    for name, s, l in pairs:
        lenient = _row("", l, w)[w + 1 :]
        lines.append(_row(f"  {name}", s, w) + "   | " + lenient)
    if any(result.miss_reasons.values()):
        lines.append("")
        lines.append("Why missed (counts)")
        rw = max(len(r) for r in MISS_REASONS) + 2
        for reason in MISS_REASONS:
            lines.append(f"  {reason:<{rw}} {result.miss_reasons.get(reason, 0):>4}")
    if details:
        for label, items in (
            ("Missed entities", result.missed_entities),
            ("Spurious entities", result.spurious_entities),
            ("Missed relations", result.missed_relations),
            ("Spurious relations", result.spurious_relations),
        ):
            lines.append("")
            lines.append(f"{label} ({len(items)})")
            lines.extend(f"  - {item}" for item in items)
    return "\n".join(lines) + "\n"


def combine_results(results: Sequence[tuple[str, EvalResult]]) -> EvalResult:
    """Micro-average several articles scored on their own: counts are summed per class and property.

    Missed and spurious items are prefixed with the article name (``"name: Type: label"``).
    """
    def add(dicts):
        out: dict[str, PRF] = {}
        for d in dicts:
            for k, v in d.items():
                out[k] = out.get(k, PRF(0, 0, 0)) + v
        return out

    rs = [r for _, r in results]
    zero = PRF(0, 0, 0)
    return EvalResult(
        entities=sum((r.entities for r in rs), zero),
        entities_by_class=add(r.entities_by_class for r in rs),
        relations_strict=sum((r.relations_strict for r in rs), zero),
        relations_lenient=sum((r.relations_lenient for r in rs), zero),
        relations_by_property_strict=add(r.relations_by_property_strict for r in rs),
        relations_by_property_lenient=add(r.relations_by_property_lenient for r in rs),
        missed_entities=tuple(f"{n}: {x}" for n, r in results for x in r.missed_entities),
        spurious_entities=tuple(f"{n}: {x}" for n, r in results for x in r.spurious_entities),
        missed_relations=tuple(f"{n}: {x}" for n, r in results for x in r.missed_relations),
        spurious_relations=tuple(f"{n}: {x}" for n, r in results for x in r.spurious_relations),
        miss_reasons={k: sum(r.miss_reasons.get(k, 0) for r in rs) for k in MISS_REASONS},
    )
