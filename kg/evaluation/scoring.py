"""Score a knowledge graph against hand-annotated gold files.

Implements the scoring of ``corpus/README.md`` ("Scoring (how the numbers are computed)"):

1. **Predicted entities** are the IRIs (or blank nodes) typed with ``rdf:type`` one of the eight
   classes, recognised by the class IRI's *local name* (the part after the last ``#`` or ``/``), so
   any namespace works. A node carrying several of the eight classes is scored once, under the most
   specific one (:func:`kg.rdf.ontology.most_specific`, from ``rdfs:subClassOf`` in
   ``ontology/kg.ttl``): Minister beats Person, Summit beats Event, and between unrelated classes
   the first in :data:`kg.records.ENTITY_TYPES` order. Its names are its ``rdfs:label``,
   ``skos:prefLabel`` and ``skos:altLabel`` values.
2. **Names** are compared after :func:`normalize_name`. A predicted entity matches a gold entity of
   the same type when

   * one of its names equals the gold name or an alias (*exact*), or
   * one name contains the other as a contiguous *sequence of whole words* and the shorter one has
     at least two words (*containment*: ``"sommet paris"`` is in ``"grand sommet paris"``, but
     ``"paris"`` alone never contains-matches), or
   * for Person and Minister: both names have at least two words and share their first and their
     last word (*person*: ``"Jean Le Drian"`` ~ ``"Jean-Yves Le Drian"``), or
   * for Summit: a predicted ``edition`` value (any predicate with local name ``edition``) equals
     the gold ``attrs.edition`` **and** the predicted summit has a ``hostCity`` (resp.
     ``hostCountry``) whose object is matched to a gold entity that is the gold summit's
     ``hostCity`` (resp. ``hostCountry``) (*edition*).
3. **Announcements** (after every other type is matched) also match through their relations: the
   predicted announcement has an ``announcedBy`` object matched to one of the gold announcement's
   ``announcedBy`` agents and, when the gold announcement has ``about``/``hostCity``/``during``
   relations, at least one of those is shared too (same predicate, object matched to the gold
   object). The name rules of point 2 apply to announcements as well (they are tried first).
4. **One-to-one**: each gold entity is matched to at most one prediction and vice versa. Matching
   proceeds by tiers -- exact, then containment, then person, then edition / announcement rule --
   and each tier computes a maximum-cardinality bipartite matching among the still unmatched
   entities (gold entities in gold-file order, candidates by decreasing strength then IRI), so the
   result is deterministic and a weaker rule never steals a pair a stronger rule could make.
   Types are processed in dependency order: first every type except Summit and Announcement, then
   Summit (the edition rule needs the host cities/countries), then Announcement.
5. **Relations**: every triple whose predicate's local name is one of the eleven predicates is a
   predicted relation; its ends are mapped to gold ids when matched, and duplicates after mapping
   count once. It is a true positive when both ends are matched and the gold has that triple,
   otherwise a false positive (including triples whose ends are not typed entities or are
   literals). *Strict* counts every gold relation; *lenient* ignores the gold relations marked
   ``"implied": true`` -- a prediction equal to one is neither TP nor FP, and a missing one is not
   a FN.
6. Precision, recall and F1 are micro-averaged over all entities and over all relations, with
   per-class and per-property breakdowns. A division by zero gives ``0.0``.

Several articles built into one graph are scored against the union of their gold files
(:func:`kg.evaluation.gold.merge_gold`): gold entities of the same type and same normalised name
are one entity. The matching itself is :mod:`kg.evaluation.matching`; the report
:mod:`kg.evaluation.report`.

>>> normalize_name("M. Le Drian")
'drian'
>>> normalize_name("Sommet sur la sécurité de l’Intelligence Artificielle")
'sommet sur securite intelligence artificielle'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from rdflib import Graph, Literal

from kg.evaluation.gold import load_gold, merge_gold, validate_gold
from kg.evaluation.matching import _ANNOUNCEMENT_CONTEXT, Matcher, labels, local_name, node_key, predicted_entities
from kg.names import match_key as normalize_name
from kg.records import ENTITY_TYPES, RELATION_TYPES

# load_gold is re-exported: callers import it with score_graph from here
__all__ = ["PRF", "EvalResult", "MISS_REASONS", "score_graph", "load_gold", "normalize_name"]


@dataclass(frozen=True)
class PRF:
    """True positive, false positive and false negative counts with derived scores.

    Parameters
    ----------
    tp, fp, fn : int
        Counts.

    Examples
    --------
    >>> PRF(3, 1, 2).precision
    0.75
    >>> PRF(0, 0, 0).f1
    0.0
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """``tp / (tp + fp)``, or ``0.0`` when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """``tp / (tp + fn)``, or ``0.0`` when there is no gold item."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, ``0.0`` when both are zero."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        if not isinstance(other, PRF):
            return NotImplemented
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class EvalResult:
    """Everything :func:`score_graph` computes.

    Attributes
    ----------
    entities : PRF
        Micro-averaged entity counts over the eight classes.
    entities_by_class : dict[str, PRF]
        One entry per class of :data:`ENTITY_TYPES` (always all eight).
    relations_strict, relations_lenient : PRF
        Micro-averaged relation counts; lenient ignores gold relations marked implied.
    relations_by_property_strict, relations_by_property_lenient : dict[str, PRF]
        One entry per predicate of :data:`RELATION_TYPES` (always all eleven).
    missed_entities, spurious_entities : tuple[str, ...]
        ``"Type: name"`` of unmatched gold entities (gold order) and unmatched predictions (sorted).
    missed_relations, spurious_relations : tuple[str, ...]
        ``"subject —predicate→ object"`` of the lenient false negatives (gold order) and false
        positives (sorted).
    matches : dict[str, str]
        Gold entity id → matched predicted node (its IRI as a string, ``_:id`` for a blank node).
    miss_reasons : dict[str, int]
        Why the lenient relation false negatives and the unmatched gold announcements were missed,
        counted (:data:`MISS_REASONS`): counts only, so a report can show them without naming
        what was missed.
    """

    entities: PRF
    entities_by_class: dict[str, PRF]
    relations_strict: PRF
    relations_lenient: PRF
    relations_by_property_strict: dict[str, PRF]
    relations_by_property_lenient: dict[str, PRF]
    missed_entities: tuple[str, ...] = ()
    spurious_entities: tuple[str, ...] = ()
    missed_relations: tuple[str, ...] = ()
    spurious_relations: tuple[str, ...] = ()
    matches: dict[str, str] = field(default_factory=dict)
    miss_reasons: dict[str, int] = field(default_factory=dict)


#: The reasons :func:`score_graph` counts in :attr:`EvalResult.miss_reasons`, in report order.
MISS_REASONS = {
    "relation: an end not found": "a missed relation whose subject or object entity was not found",
    "relation: both ends found": "a missed relation between two entities that were both found",
    "announcement: no agent in gold": "an unmatched gold announcement that has no announcedBy",
    "announcement: agent not found": "none of its agents was found as an entity",
    "announcement: nothing by its agent": "its agent was found, but no predicted announcement is announcedBy it",
    "announcement: context not shared": "an announcement by its agent exists, without its about/hostCity/during",
    "announcement: taken": "a qualifying prediction was matched to another gold announcement",
}


def _miss_reasons(matcher: Matcher, missed: list[tuple[str, str, str]]) -> dict[str, int]:
    """Count why each lenient relation FN (``missed``, gold triples) and each unmatched gold
    announcement was missed."""
    counts = dict.fromkeys(MISS_REASONS, 0)
    g2p, gold_ents = matcher.g2p, matcher.gold_ents
    for s, _, o in missed:
        counts["relation: both ends found" if s in g2p and o in g2p else "relation: an end not found"] += 1
    announcements = [p for p, e in matcher.preds.items() if e.type == "Announcement"]
    for g, e in gold_ents.items():
        if e["type"] != "Announcement" or g in g2p:
            continue
        out = matcher.gold_out.get(g, set())
        agents = [o for q, o in out if q == "announcedBy"]
        if not agents:
            counts["announcement: no agent in gold"] += 1
            continue
        found = {g2p[a] for a in agents if a in g2p}
        if not found:
            counts["announcement: agent not found"] += 1
            continue
        by_agent = [
            p for p in announcements
            if any(q == "announcedBy" and node_key(x) in found for q, x in matcher.pred_out.get(p, ()))
        ]
        if not by_agent:
            counts["announcement: nothing by its agent"] += 1
            continue
        if any(q in _ANNOUNCEMENT_CONTEXT for q, _ in out) and not any(
            matcher._shared(g, p, _ANNOUNCEMENT_CONTEXT) for p in by_agent
        ):
            counts["announcement: context not shared"] += 1
        else:
            counts["announcement: taken"] += 1
    return counts


def score_graph(graph: Graph, gold: dict | Sequence[dict]) -> EvalResult:
    """Score a predicted graph against gold annotations.

    Parameters
    ----------
    graph : rdflib.Graph
        The predicted knowledge graph (any namespace; classes and predicates by local name).
    gold : dict or sequence of dict
        A gold dict (:func:`load_gold` or :func:`merge_gold`); a list of gold dicts is merged
        with :func:`merge_gold` first.

    Returns
    -------
    EvalResult
    """
    if isinstance(gold, dict):
        gold = validate_gold(gold, f"gold {gold.get('id', '')}".strip())
    else:
        gold = merge_gold(list(gold))
    preds = predicted_entities(graph)
    matcher = Matcher(graph, gold, preds)
    matcher.run()
    by_class, missed_entities, spurious_entities = _score_entities(matcher)
    strict, lenient, missed_triples, spurious_relations = _score_relations(graph, gold, matcher)
    missed_relations = [f"{matcher.gold_ents[s]['name']} —{p}→ {matcher.gold_ents[o]['name']}" for s, p, o in missed_triples]
    by_prop_strict = {p: PRF(*c) for p, c in strict.items()}
    by_prop_lenient = {p: PRF(*c) for p, c in lenient.items()}
    return EvalResult(
        entities=sum(by_class.values(), PRF()),
        entities_by_class=by_class,
        relations_strict=sum(by_prop_strict.values(), PRF()),
        relations_lenient=sum(by_prop_lenient.values(), PRF()),
        relations_by_property_strict=by_prop_strict,
        relations_by_property_lenient=by_prop_lenient,
        missed_entities=missed_entities,
        spurious_entities=spurious_entities,
        missed_relations=tuple(missed_relations),
        spurious_relations=tuple(sorted(spurious_relations)),
        matches={g: preds[p].key for g, p in matcher.g2p.items()},
        miss_reasons=_miss_reasons(matcher, missed_triples),
    )


def _score_entities(matcher: Matcher) -> tuple[dict[str, PRF], tuple[str, ...], tuple[str, ...]]:
    """Counts per class, missed gold entities (gold order), spurious predictions (sorted)."""
    g2p, p2g, preds, gold_ents = matcher.g2p, matcher.p2g, matcher.preds, matcher.gold_ents
    by_class: dict[str, PRF] = {}
    for t in ENTITY_TYPES:
        tp = sum(1 for g in g2p if gold_ents[g]["type"] == t)
        fp = sum(1 for p, e in preds.items() if e.type == t and p not in p2g)
        fn = sum(1 for g, e in gold_ents.items() if e["type"] == t and g not in g2p)
        by_class[t] = PRF(tp, fp, fn)
    missed = tuple(f"{e['type']}: {e['name']}" for g, e in gold_ents.items() if g not in g2p)
    spurious = tuple(sorted(f"{e.type}: {e.display}" for p, e in preds.items() if p not in p2g))
    return by_class, missed, spurious


def _score_relations(graph: Graph, gold: dict, matcher: Matcher):
    """``(strict, lenient, missed, spurious)``: [tp, fp, fn] per property, the lenient FN (gold
    triples, gold order) and the FP (as text)."""
    p2g, preds, gold_ents = matcher.p2g, matcher.preds, matcher.gold_ents
    gold_rels: dict[tuple[str, str, str], bool] = {}  # triple → implied
    for rel in gold["relations"]:
        t = (rel["s"], rel["p"], rel["o"])
        gold_rels[t] = gold_rels.get(t, True) and rel["implied"]

    def end(node: object) -> tuple[str, str]:
        if isinstance(node, Literal):
            return ("literal", str(node))
        key = node_key(node)
        return ("gold", p2g[key]) if key in p2g else ("pred", key)

    predicted: set[tuple[tuple[str, str], str, tuple[str, str]]] = set()
    labels_of: dict[tuple[str, str], str] = {}
    for s, p, o in graph:
        lp = local_name(p)
        if lp not in RELATION_TYPES:
            continue
        se, oe = end(s), end(o)
        predicted.add((se, lp, oe))
        for node, e in ((s, se), (o, oe)):
            if e not in labels_of:
                labels_of[e] = _display(graph, node, e, preds, gold_ents)

    strict = {p: [0, 0, 0] for p in RELATION_TYPES}
    lenient = {p: [0, 0, 0] for p in RELATION_TYPES}
    spurious: list[str] = []
    found: set[tuple[str, str, str]] = set()
    for t in predicted:
        (sk, s), prop, (ok, o) = t
        g = (s, prop, o) if sk == "gold" and ok == "gold" else None
        if g is not None and g in gold_rels:
            found.add(g)
            strict[prop][0] += 1
            if not gold_rels[g]:
                lenient[prop][0] += 1
        else:
            strict[prop][1] += 1
            lenient[prop][1] += 1
            spurious.append(f"{labels_of[t[0]]} —{prop}→ {labels_of[t[2]]}")
    missed: list[tuple[str, str, str]] = []
    for (s, p, o), implied in gold_rels.items():
        if (s, p, o) in found:
            continue
        strict[p][2] += 1
        if not implied:
            lenient[p][2] += 1
            missed.append((s, p, o))
    return strict, lenient, missed, spurious


def _display(graph: Graph, node, end: tuple[str, str], preds, gold_ents) -> str:
    kind, value = end
    if kind == "gold":
        return gold_ents[value]["name"]
    if kind == "literal":
        return repr(value)
    if value in preds:
        return preds[value].display
    names = labels(graph, node)
    return names[0] if names else f"<{value}>"
