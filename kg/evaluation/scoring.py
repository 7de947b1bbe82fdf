"""Score a knowledge graph against hand-annotated gold files.

Implements the scoring of ``corpus/README.md`` ("Scoring (how the numbers are computed)"):

1. **Predicted entities** are the IRIs (or blank nodes) typed with ``rdf:type`` one of the eight
   classes, recognised by the class IRI's *local name* (the part after the last ``#`` or ``/``), so
   any namespace works. A node carrying several of the eight classes is scored once, under the most
   specific one: Minister beats Person, Summit beats Event, and otherwise the first class of
   :data:`TYPE_PRIORITY`. Its names are its ``rdfs:label``, ``skos:prefLabel`` and ``skos:altLabel``
   values.
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
(:func:`merge_gold`): gold entities of the same type and same normalised name are one entity.

>>> normalize_name("M. Le Drian")
'drian'
>>> normalize_name("Sommet sur la sécurité de l’Intelligence Artificielle")
'sommet sur securite intelligence artificielle'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.names import STOPWORDS
from kg.names import match_key as normalize_name
from kg.records import ENTITY_TYPES, RELATION_TYPES

__all__ = [
    "combine_results",
    "ENTITY_TYPES",
    "PREDICATES",
    "TYPE_PRIORITY",
    "STOPWORDS",
    "PRF",
    "EvalResult",
    "load_gold",
    "merge_gold",
    "normalize_name",
    "score_graph",
    "format_report",
]

#: The eight scored classes and the eleven scored predicates (local names), in report order: the
#: ontology's own lists (:mod:`kg.records`).
PREDICATES: tuple[str, ...] = RELATION_TYPES

#: When a node carries several of the eight classes, the first one in this order is scored.
TYPE_PRIORITY: tuple[str, ...] = (
    "Minister",
    "Person",
    "Summit",
    "Event",
    "Announcement",
    "Country",
    "City",
    "Organization",
)


_PERSON_TYPES = frozenset({"Person", "Minister"})
_HOST_PREDICATES = ("hostCity", "hostCountry")
_ANNOUNCEMENT_CONTEXT = ("about", "hostCity", "during")
_LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, SKOS.altLabel)  # display preference order



# --------------------------------------------------------------------------------------------
# results


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
        One entry per predicate of :data:`PREDICATES` (always all eleven).
    missed_entities, spurious_entities : tuple[str, ...]
        ``"Type: name"`` of unmatched gold entities (gold order) and unmatched predictions (sorted).
    missed_relations, spurious_relations : tuple[str, ...]
        ``"subject —predicate→ object"`` of the lenient false negatives (gold order) and false
        positives (sorted).
    matches : dict[str, str]
        Gold entity id → matched predicted node (its IRI as a string, ``_:id`` for a blank node).
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


# --------------------------------------------------------------------------------------------
# names


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


# --------------------------------------------------------------------------------------------
# gold files


def load_gold(path: str | Path) -> dict:
    """Read and validate one ``.gold.json`` file.

    Parameters
    ----------
    path : str or Path
        The gold file.

    Returns
    -------
    dict
        ``{"id", "lang", "published", "entities", "relations"}`` with defaults filled in: every
        entity has ``aliases`` (list) and ``attrs`` (dict), every relation has ``implied`` (bool);
        ``id`` defaults to the file name without ``.gold.json``.

    Raises
    ------
    ValueError
        Naming the file, when it is not valid JSON or does not follow the gold format (missing
        keys, unknown type or predicate, duplicate ids, relation ends that are not entities).
    OSError
        When the file cannot be read.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from exc
    default_id = path.name.removesuffix(".json").removesuffix(".gold")
    return _validate_gold(data, str(path), default_id)


def _validate_gold(data: object, where: str, default_id: str = "gold") -> dict:
    def fail(msg: str) -> ValueError:
        return ValueError(f"{where}: {msg}")

    if not isinstance(data, dict):
        raise fail("the top level must be a JSON object")
    for key in ("entities", "relations"):
        if key not in data:
            raise fail(f"missing key {key!r}")
        if not isinstance(data[key], list):
            raise fail(f"{key!r} must be a list")
    entities: list[dict] = []
    ids: set[str] = set()
    for i, ent in enumerate(data["entities"]):
        if not isinstance(ent, dict):
            raise fail(f"entity #{i} is not an object")
        for key in ("id", "type", "name"):
            if key not in ent:
                raise fail(f"entity #{i} ({ent.get('id', '?')}) is missing key {key!r}")
            if not isinstance(ent[key], str):
                raise fail(f"entity #{i}: {key!r} must be a string")
        if ent["type"] not in ENTITY_TYPES:
            raise fail(f"entity {ent['id']!r} has unknown type {ent['type']!r}")
        if ent["id"] in ids:
            raise fail(f"duplicate entity id {ent['id']!r}")
        ids.add(ent["id"])
        aliases = ent.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise fail(f"entity {ent['id']!r}: 'aliases' must be a list of strings")
        attrs = ent.get("attrs") or {}
        if not isinstance(attrs, dict):
            raise fail(f"entity {ent['id']!r}: 'attrs' must be an object")
        entities.append({**ent, "aliases": list(aliases), "attrs": dict(attrs)})
    relations: list[dict] = []
    for i, rel in enumerate(data["relations"]):
        if not isinstance(rel, dict):
            raise fail(f"relation #{i} is not an object")
        for key in ("s", "p", "o"):
            if key not in rel:
                raise fail(f"relation #{i} is missing key {key!r}")
        if rel["p"] not in PREDICATES:
            raise fail(f"relation #{i} has unknown predicate {rel['p']!r}")
        for end in ("s", "o"):
            if rel[end] not in ids:
                raise fail(f"relation #{i}: {end}={rel[end]!r} is not an entity id")
        relations.append({**rel, "implied": bool(rel.get("implied", False))})
    out = {k: v for k, v in data.items() if k not in ("entities", "relations")}
    out.setdefault("id", default_id)
    out["entities"] = entities
    out["relations"] = relations
    return out


def merge_gold(golds: Sequence[dict]) -> dict:
    """Union of several gold files, for a graph built from several articles.

    Gold entities with the same type and the same normalised name become one entity: its aliases
    are the union (first-seen order), its attrs the union (the first file wins on a conflict), and
    the relations of every file point to it. A relation present in several files is kept once, and
    it is implied only if it is implied in every file that has it. The merged entity keeps its
    first id when no other merged entity already uses it, and is otherwise renamed
    ``"<file id>/<id>"``.

    Parameters
    ----------
    golds : sequence of dict
        Gold dicts as returned by :func:`load_gold`.

    Returns
    -------
    dict
        A gold dict in the same format, with ``id`` the ``+``-joined file ids and ``sources`` the
        list of file ids.
    """
    golds = [_validate_gold(g, f"gold {g.get('id', i) if isinstance(g, dict) else i}")
             for i, g in enumerate(golds)]
    entities: list[dict] = []
    by_key: dict[tuple[str, str], dict] = {}
    used_ids: set[str] = set()
    relations: dict[tuple[str, str, str], dict] = {}
    for n, gold in enumerate(golds):
        gid = str(gold.get("id", n))
        local: dict[str, str] = {}
        for ent in gold["entities"]:
            key = (ent["type"], normalize_name(ent["name"]) or ent["name"])
            merged = by_key.get(key)
            if merged is None:
                new_id = ent["id"] if ent["id"] not in used_ids else f"{gid}/{ent['id']}"
                while new_id in used_ids:
                    new_id += "'"
                used_ids.add(new_id)
                merged = {**ent, "id": new_id, "aliases": list(ent["aliases"]),
                          "attrs": dict(ent["attrs"])}
                by_key[key] = merged
                entities.append(merged)
            else:
                for alias in [ent["name"], *ent["aliases"]]:
                    if alias != merged["name"] and alias not in merged["aliases"]:
                        merged["aliases"].append(alias)
                for k, v in ent["attrs"].items():
                    merged["attrs"].setdefault(k, v)
            local[ent["id"]] = merged["id"]
        for rel in gold["relations"]:
            triple = (local[rel["s"]], rel["p"], local[rel["o"]])
            if triple in relations:
                relations[triple]["implied"] = relations[triple]["implied"] and rel["implied"]
            else:
                relations[triple] = {**rel, "s": triple[0], "o": triple[2]}
    ids = [str(g.get("id", n)) for n, g in enumerate(golds)]
    first = golds[0] if golds else {}
    return {
        "id": "+".join(ids),
        "lang": first.get("lang", "fr"),
        "sources": ids,
        "entities": entities,
        "relations": list(relations.values()),
    }


# --------------------------------------------------------------------------------------------
# scoring


def _local_name(term: object) -> str:
    text = str(term)
    return re.split(r"[#/]", text)[-1]


def _node_key(node: object) -> str:
    return f"_:{node}" if isinstance(node, BNode) else str(node)


@dataclass
class _Pred:
    key: str
    node: object
    type: str
    labels: tuple[str, ...]
    norms: frozenset[str]
    display: str


def _predicted_entities(graph: Graph) -> dict[str, _Pred]:
    types: dict[object, set[str]] = {}
    for node, cls in graph.subject_objects(RDF.type):
        if isinstance(cls, URIRef) and _local_name(cls) in ENTITY_TYPES:
            if isinstance(node, (URIRef, BNode)):
                types.setdefault(node, set()).add(_local_name(cls))
    out: dict[str, _Pred] = {}
    for node, classes in types.items():
        type_ = next(t for t in TYPE_PRIORITY if t in classes)
        labels = _labels(graph, node)
        norms = frozenset(n for n in map(normalize_name, labels) if n)
        display = labels[0] if labels else f"<{_node_key(node)}>"
        key = _node_key(node)
        out[key] = _Pred(key, node, type_, labels, norms, display)
    return out


def _labels(graph: Graph, node: object) -> tuple[str, ...]:
    labels: list[str] = []
    for pred in _LABEL_PREDICATES:
        for value in sorted(str(v) for v in graph.objects(node, pred)):
            if value not in labels:
                labels.append(value)
    return tuple(labels)


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


class _Matcher:
    def __init__(self, graph: Graph, gold: dict, preds: dict[str, _Pred]):
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
            lp = _local_name(p)
            sk = _node_key(s)
            if sk in preds and (lp in PREDICATES or lp == "edition"):
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
                og = self.p2g.get(_node_key(o))
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
        plain = [t for t in ENTITY_TYPES if t not in ("Summit", "Announcement")]
        for rule in (self.exact, self.containment, self.person):
            self.run_tier(plain, rule)
        for rule in (self.exact, self.containment, self.edition):
            self.run_tier(["Summit"], rule)
        for rule in (self.exact, self.containment, self.announcement):
            self.run_tier(["Announcement"], rule)


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
        gold = _validate_gold(gold, f"gold {gold.get('id', '')}".strip())
    else:
        gold = merge_gold(list(gold))
    preds = _predicted_entities(graph)
    matcher = _Matcher(graph, gold, preds)
    matcher.run()
    g2p, p2g = matcher.g2p, matcher.p2g
    gold_ents = matcher.gold_ents

    # entities
    by_class: dict[str, PRF] = {}
    for t in ENTITY_TYPES:
        tp = sum(1 for g in g2p if gold_ents[g]["type"] == t)
        fp = sum(1 for p, e in preds.items() if e.type == t and p not in p2g)
        fn = sum(1 for g, e in gold_ents.items() if e["type"] == t and g not in g2p)
        by_class[t] = PRF(tp, fp, fn)
    entities = sum(by_class.values(), PRF())
    missed_entities = tuple(
        f"{e['type']}: {e['name']}" for g, e in gold_ents.items() if g not in g2p
    )
    spurious_entities = tuple(
        sorted(f"{e.type}: {e.display}" for p, e in preds.items() if p not in p2g)
    )

    # relations
    gold_rels: dict[tuple[str, str, str], bool] = {}
    for rel in gold["relations"]:
        t = (rel["s"], rel["p"], rel["o"])
        gold_rels[t] = gold_rels.get(t, True) and rel["implied"]

    def end(node: object) -> tuple[str, str]:
        if isinstance(node, Literal):
            return ("literal", str(node))
        key = _node_key(node)
        return ("gold", p2g[key]) if key in p2g else ("pred", key)

    predicted: set[tuple[tuple[str, str], str, tuple[str, str]]] = set()
    labels_of: dict[tuple[str, str], str] = {}
    for s, p, o in graph:
        lp = _local_name(p)
        if lp not in PREDICATES:
            continue
        se, oe = end(s), end(o)
        predicted.add((se, lp, oe))
        for node, e in ((s, se), (o, oe)):
            if e not in labels_of:
                labels_of[e] = _display(graph, node, e, preds, gold_ents)

    def as_gold(t) -> tuple[str, str, str] | None:
        (sk, s), p, (ok, o) = t
        return (s, p, o) if sk == "gold" and ok == "gold" else None

    strict = {p: [0, 0, 0] for p in PREDICATES}
    lenient = {p: [0, 0, 0] for p in PREDICATES}
    spurious_relations: list[str] = []
    found: set[tuple[str, str, str]] = set()
    for t in predicted:
        g = as_gold(t)
        prop = t[1]
        if g is not None and g in gold_rels:
            found.add(g)
            strict[prop][0] += 1
            if not gold_rels[g]:
                lenient[prop][0] += 1
        else:
            strict[prop][1] += 1
            lenient[prop][1] += 1
            spurious_relations.append(f"{labels_of[t[0]]} —{prop}→ {labels_of[t[2]]}")
    missed_relations: list[str] = []
    for (s, p, o), implied in gold_rels.items():
        if (s, p, o) in found:
            continue
        strict[p][2] += 1
        if not implied:
            lenient[p][2] += 1
            missed_relations.append(
                f"{gold_ents[s]['name']} —{p}→ {gold_ents[o]['name']}"
            )
    by_prop_strict = {p: PRF(*c) for p, c in strict.items()}
    by_prop_lenient = {p: PRF(*c) for p, c in lenient.items()}

    return EvalResult(
        entities=entities,
        entities_by_class=by_class,
        relations_strict=sum(by_prop_strict.values(), PRF()),
        relations_lenient=sum(by_prop_lenient.values(), PRF()),
        relations_by_property_strict=by_prop_strict,
        relations_by_property_lenient=by_prop_lenient,
        missed_entities=missed_entities,
        spurious_entities=spurious_entities,
        missed_relations=tuple(missed_relations),
        spurious_relations=tuple(sorted(spurious_relations)),
        matches={g: preds[p].key for g, p in g2p.items()},
    )


def _display(graph: Graph, node, end: tuple[str, str], preds, gold_ents) -> str:
    kind, value = end
    if kind == "gold":
        return gold_ents[value]["name"]
    if kind == "literal":
        return repr(value)
    if value in preds:
        return preds[value].display
    labels = _labels(graph, node)
    return labels[0] if labels else f"<{value}>"


# --------------------------------------------------------------------------------------------
# report


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
    w = max(len(x) for x in (*ENTITY_TYPES, *PREDICATES, "micro")) + 2
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
        for p in PREDICATES
    ]
    pairs.append(("micro", result.relations_strict, result.relations_lenient))
    for name, s, l in pairs:
        lenient = _row("", l, w)[w + 1 :]
        lines.append(_row(f"  {name}", s, w) + "   | " + lenient)
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


def combine_results(results: "Sequence[tuple[str, EvalResult]]") -> EvalResult:
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
    )
