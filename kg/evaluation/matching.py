"""Matching predicted entities to gold entities, one to one, by tiers of rules (see
:mod:`kg.evaluation.scoring` for the rules in words).

A predicted entity is a node typed with one of the eight classes (by the class IRI's local name,
so any namespace works), scored under the most specific of its classes
(:func:`kg.rdf.ontology.most_specific`). :class:`Matcher` runs the tiers — exact name,
containment, person, then the edition rule for summits and the agent/context rule for
announcements — each a maximum-cardinality bipartite matching among the still unmatched entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.names import match_key as normalize_name
from kg.rdf.ontology import most_specific
from kg.records import ENTITY_TYPES, RELATION_TYPES

__all__ = ["Predicted", "predicted_entities", "labels", "local_name", "node_key", "Matcher"]

_PERSON_TYPES = frozenset({"Person", "Minister"})
_HOST_PREDICATES = ("hostCity", "hostCountry")
_ANNOUNCEMENT_CONTEXT = ("about", "hostCity", "during")
_LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, SKOS.altLabel)  # display preference order


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _containment_strength(a: Iterable[str], b: Iterable[str]) -> int:
    """Length of the longest shorter-name (≥ 2 words) contained in the other, or 0."""
    best = 0
    for x in a:
        wx = tuple(x.split())
        for y in b:
            wy = tuple(y.split())
            short, long_ = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
            if len(short) >= 2 and _contains(long_, short):
                best = max(best, len(short))
    return best


def _person_match(a: Iterable[str], b: Iterable[str]) -> bool:
    for x in a:
        wx = x.split()
        if len(wx) < 2:
            continue
        for y in b:
            wy = y.split()
            if len(wy) >= 2 and wx[0] == wy[0] and wx[-1] == wy[-1]:
                return True
    return False


def _edition_key(value: object) -> object:
    """A comparable form of an edition value: an int when numeric, else the normalised text."""
    if isinstance(value, Literal):
        value = value.toPython()
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    return normalize_name(text) or None


def local_name(term: object) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    text = str(term)
    return re.split(r"[#/]", text)[-1]


def node_key(node: object) -> str:
    """How a predicted node is named in results: its IRI, or ``_:id`` for a blank node."""
    return f"_:{node}" if isinstance(node, BNode) else str(node)


@dataclass
class Predicted:
    """A predicted entity: its node, scored type, names (and their normalised forms) and display name."""

    key: str
    node: object
    type: str
    labels: tuple[str, ...]
    norms: frozenset[str]
    display: str


def predicted_entities(graph: Graph) -> dict[str, Predicted]:
    """The nodes typed with one of the eight classes, by :func:`node_key`, each under its most specific class."""
    types: dict[object, set[str]] = {}
    for node, cls in graph.subject_objects(RDF.type):
        if isinstance(cls, URIRef) and local_name(cls) in ENTITY_TYPES:
            if isinstance(node, (URIRef, BNode)):
                types.setdefault(node, set()).add(local_name(cls))
    out: dict[str, Predicted] = {}
    for node, classes in types.items():
        type_ = most_specific(classes)
        names = labels(graph, node)
        norms = frozenset(n for n in map(normalize_name, names) if n)
        display = names[0] if names else f"<{node_key(node)}>"
        key = node_key(node)
        out[key] = Predicted(key, node, type_, names, norms, display)
    return out


def labels(graph: Graph, node: object) -> tuple[str, ...]:
    """The names of ``node``: ``skos:prefLabel``, ``rdfs:label``, ``skos:altLabel`` values, each sorted, once."""
    found: list[str] = []
    for pred in _LABEL_PREDICATES:
        for value in sorted(str(v) for v in graph.objects(node, pred)):
            if value not in found:
                found.append(value)
    return tuple(found)


def _max_matching(order: Sequence[str], adj: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Kuhn's augmenting-path maximum bipartite matching; returns gold id → pred key."""
    owner: dict[str, str] = {}  # pred key -> gold id

    def augment(g: str, seen: set[str]) -> bool:
        for p in adj.get(g, ()):
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in order:
        if adj.get(g):
            augment(g, set())
    return {g: p for p, g in owner.items()}


class Matcher:
    """The one-to-one matching of a graph's predicted entities to a gold dict: :meth:`run` fills
    ``g2p`` (gold id → predicted key) and ``p2g``."""

    def __init__(self, graph: Graph, gold: dict, preds: dict[str, Predicted]):
        self.graph = graph
        self.preds = preds
        self.gold_ents: dict[str, dict] = {e["id"]: e for e in gold["entities"]}
        self.gold_norms = {
            gid: frozenset(n for n in map(normalize_name, [e["name"], *e["aliases"]]) if n)
            for gid, e in self.gold_ents.items()
        }
        self.gold_out: dict[str, set[tuple[str, str]]] = {}
        for rel in gold["relations"]:
            self.gold_out.setdefault(rel["s"], set()).add((rel["p"], rel["o"]))
        self.pred_out: dict[str, set[tuple[str, str]]] = {}
        for s, p, o in graph:
            lp = local_name(p)
            sk = node_key(s)
            if sk in preds and (lp in RELATION_TYPES or lp == "edition"):
                self.pred_out.setdefault(sk, set()).add((lp, o))
        self.g2p: dict[str, str] = {}
        self.p2g: dict[str, str] = {}

    # candidate rules: return a strength (> 0) or 0 for no match
    def exact(self, g: str, p: str) -> int:
        return 1 if self.gold_norms[g] & self.preds[p].norms else 0

    def containment(self, g: str, p: str) -> int:
        return _containment_strength(self.preds[p].norms, self.gold_norms[g])

    def person(self, g: str, p: str) -> int:
        if self.gold_ents[g]["type"] not in _PERSON_TYPES:
            return 0
        return 1 if _person_match(self.preds[p].norms, self.gold_norms[g]) else 0

    def _shared(self, g: str, p: str, predicates: Iterable[str]) -> int:
        gold = {(q, o) for q, o in self.gold_out.get(g, ()) if q in predicates}
        shared = set()
        for q, o in self.pred_out.get(p, ()):
            if q in predicates and not isinstance(o, Literal):
                og = self.p2g.get(node_key(o))
                if og is not None and (q, og) in gold:
                    shared.add((q, og))
        return len(shared)

    def edition(self, g: str, p: str) -> int:
        if self.gold_ents[g]["type"] != "Summit":
            return 0
        gold_ed = _edition_key(self.gold_ents[g]["attrs"].get("edition"))
        if gold_ed is None:
            return 0
        pred_eds = {_edition_key(o) for q, o in self.pred_out.get(p, ()) if q == "edition"}
        if gold_ed not in pred_eds:
            return 0
        return self._shared(g, p, _HOST_PREDICATES)

    def announcement(self, g: str, p: str) -> int:
        if self.gold_ents[g]["type"] != "Announcement":
            return 0
        agents = self._shared(g, p, ("announcedBy",))
        if not agents:
            return 0
        has_context = any(q in _ANNOUNCEMENT_CONTEXT for q, _ in self.gold_out.get(g, ()))
        context = self._shared(g, p, _ANNOUNCEMENT_CONTEXT)
        if has_context and not context:
            return 0
        return agents + context

    def run_tier(self, types: Iterable[str], rule) -> None:
        types = set(types)
        golds = [g for g, e in self.gold_ents.items() if e["type"] in types and g not in self.g2p]
        free = [p for p, e in self.preds.items() if e.type in types and p not in self.p2g]
        adj: dict[str, list[str]] = {}
        for g in golds:
            cands = []
            for p in free:
                if self.preds[p].type != self.gold_ents[g]["type"]:
                    continue
                strength = rule(g, p)
                if strength:
                    cands.append((-strength, p))
            adj[g] = [p for _, p in sorted(cands)]
        for g, p in _max_matching(golds, adj).items():
            self.g2p[g] = p
            self.p2g[p] = g

    def run(self) -> None:
        """Every tier, types in dependency order: plain types, then Summit, then Announcement."""
        plain = [t for t in ENTITY_TYPES if t not in ("Summit", "Announcement")]
        for rule in (self.exact, self.containment, self.person):
            self.run_tier(plain, rule)
        for rule in (self.exact, self.containment, self.edition):
            self.run_tier(["Summit"], rule)
        for rule in (self.exact, self.containment, self.announcement):
            self.run_tier(["Announcement"], rule)
